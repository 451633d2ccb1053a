package org.imelab.agent.win32app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.imelab.gateway.protocol.win32.FlatDependency;
import org.imelab.gateway.protocol.win32.InstallEx;
import org.imelab.gateway.protocol.win32.Intent;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.TargetType;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.registry.ime.Scope;
import org.junit.jupiter.api.Test;

/** What a user's check-in processes of what the user's session was served. */
class UserScopePoliciesTest {
    static final InstallEx USER = new InstallEx(2, true, 3, 3, 5, 60, 0);
    static final InstallEx SYSTEM = new InstallEx(1, true, 3, 3, 5, 60, 0);

    static Win32AppPolicy app(String id, TargetType target, InstallEx ex, Intent intent, FlatDependency... deps) {
        return Win32AppPolicy.builder(id, "app " + id, 1).intent(intent).targetType(target).installEx(ex)
                .flatDependencies(deps.length == 0 ? null : List.of(deps)).build();
    }

    static List<String> ids(PolicySet set) {
        return set.accepted().stream().map(Win32AppPolicy::id).toList();
    }

    @Test
    void theUsersAppsAndUserContextDeviceAppsStayTheDevicesSystemAppsGo() {
        String userApp = "a0000000-0000-4000-8000-000000000001";
        String bothApp = "a0000000-0000-4000-8000-000000000002";
        String userContextDeviceApp = "a0000000-0000-4000-8000-000000000003";
        String deviceApp = "a0000000-0000-4000-8000-000000000004";
        PolicySet served = new PolicySet(List.of(
                app(userApp, TargetType.USER, SYSTEM, Intent.REQUIRED),
                app(bothApp, TargetType.BOTH, SYSTEM, Intent.REQUIRED),
                app(userContextDeviceApp, TargetType.DEVICE, USER, Intent.REQUIRED),
                app(deviceApp, TargetType.DEVICE, SYSTEM, Intent.REQUIRED)), List.of());
        assertEquals(List.of(userApp, bothApp, userContextDeviceApp), ids(UserScopePolicies.forUser(served)));
    }

    @Test
    void aKeptAppsDependenciesComeAlongWhateverTheirTarget() {
        String parent = "b0000000-0000-4000-8000-000000000001";
        String child = "b0000000-0000-4000-8000-000000000002";
        String grandChild = "b0000000-0000-4000-8000-000000000003";
        PolicySet served = new PolicySet(List.of(
                app(parent, TargetType.USER, USER, Intent.REQUIRED, new FlatDependency(10, parent, child, 0, 0),
                        new FlatDependency(10, child, grandChild, 0, 1)),
                app(child, TargetType.NONE, SYSTEM, Intent.NOT_TARGETED),
                app(grandChild, TargetType.DEVICE, SYSTEM, Intent.REQUIRED)), List.of());
        assertEquals(List.of(parent, child, grandChild), ids(UserScopePolicies.forUser(served)));
    }

    @Test
    void aRelativeOfTheDevicesAppsStaysWithTheDevice() {
        String userApp = "d0000000-0000-4000-8000-000000000001";
        String deviceParent = "d0000000-0000-4000-8000-000000000002";
        String devicesDependency = "d0000000-0000-4000-8000-000000000003";
        PolicySet served = new PolicySet(List.of(
                app(userApp, TargetType.USER, USER, Intent.REQUIRED),
                app(deviceParent, TargetType.DEVICE, SYSTEM, Intent.REQUIRED,
                        new FlatDependency(0, deviceParent, devicesDependency, 0, 0)),
                app(devicesDependency, TargetType.NONE, SYSTEM, Intent.NOT_TARGETED)), List.of());
        assertEquals(List.of(userApp), ids(UserScopePolicies.forUser(served)));
    }

    @Test
    void onlyTheDevicesScopeLeavesUserContextAppsToTheUsers() {
        Win32AppPolicy userContext = app("c0000000-0000-4000-8000-000000000001", TargetType.DEVICE, USER,
                Intent.REQUIRED);
        assertTrue(UserlessCheckin.leavesToUser(Scope.DEVICE, userContext));
        assertFalse(UserlessCheckin.leavesToUser(Scope.user("1a2b3c4d-0000-4000-8000-00000000a11c"), userContext));
        assertFalse(UserlessCheckin.leavesToUser(Scope.DEVICE, app("c0000000-0000-4000-8000-000000000002",
                TargetType.DEVICE, SYSTEM, Intent.REQUIRED)));
    }
}
