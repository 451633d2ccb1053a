package org.imelab.certpicker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Distinguished names written the way .NET's {@code X500DistinguishedName.Name} writes them
 * (most specific first, {@code ", "} between the parts), which is the SubjectName the IME stores.
 */
public final class SubjectNames {
    private SubjectNames() {
    }

    public static String dotNet(X500Principal principal) {
        String rfc2253 = principal.getName(X500Principal.RFC2253);
        try {
            // LdapName lists the RDNs right to left; RFC 2253 (and .NET) print them left to right.
            List<Rdn> rdns = new ArrayList<>(new LdapName(rfc2253).getRdns());
            Collections.reverse(rdns);
            List<String> parts = new ArrayList<>(rdns.size());
            for (Rdn rdn : rdns) {
                parts.add(rdn.toString());
            }
            return String.join(", ", parts);
        } catch (InvalidNameException e) {
            return rfc2253; // the JDK produced it, so this does not happen; keep the name readable anyway
        }
    }
}
