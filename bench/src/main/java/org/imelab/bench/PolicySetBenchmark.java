package org.imelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imelab.gateway.protocol.CompressedPayload;
import org.imelab.gateway.protocol.SideCarJson;
import org.imelab.gateway.protocol.win32.Detection;
import org.imelab.gateway.protocol.win32.DetectionRule;
import org.imelab.gateway.protocol.win32.FileDetectionType;
import org.imelab.gateway.protocol.win32.Operator;
import org.imelab.gateway.protocol.win32.PolicySet;
import org.imelab.gateway.protocol.win32.RequirementRules;
import org.imelab.gateway.protocol.win32.Win32AppPolicy;
import org.imelab.gateway.protocol.win32.Win32AppPolicyParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The agent's side of a check-in with many apps (issue 3's 200-app figure): decode the
 * compressed "Get policies" payload and bind and validate every policy, three levels of nested
 * JSON each. The reference is the least any reader must do with the same bytes: decompress and
 * build a plain Jackson tree of the outer array (the nested strings left unread).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PolicySetBenchmark {

    @Param({"200"})
    int apps;

    SideCarJson json;
    Win32AppPolicyParser parser;
    String payload;

    @Setup
    public void setUp() {
        json = new SideCarJson();
        parser = new Win32AppPolicyParser(json);
        List<Win32AppPolicy> policies = new ArrayList<>(apps);
        for (int i = 0; i < apps; i++) {
            policies.add(Win32AppPolicy.builder(String.format("6e0911dd-6755-4eb7-8a75-%012d", i), "App " + i, 1)
                    .detectionRules(List.of(DetectionRule.of(new Detection.File("C:\\Program Files\\App" + i, "app.exe",
                            false, FileDetectionType.VERSION.code(), Operator.GREATER_THAN_OR_EQUAL.code(), "1.0." + i))))
                    .requirementRules(new RequirementRules(32, null, "10.0.26100", null, null, null, false))
                    .installCommandLine("msiexec /i \"app" + i + ".msi\" /qn")
                    .uninstallCommandLine("msiexec /x \"{23170F69-40C1-2702-2501-000001000000}\" /qn")
                    .setUpFilePath("app" + i + ".msi")
                    .build());
        }
        payload = CompressedPayload.encode(parser.write(policies));
        PolicySet check = parser.parse(CompressedPayload.decode(payload));
        if (check.accepted().size() != apps) {
            throw new IllegalStateException("benchmark data rejected: " + check.rejected());
        }
    }

    @Benchmark
    public PolicySet decodeAndParse() {
        return parser.parse(CompressedPayload.decode(payload));
    }

    @Benchmark
    public JsonNode referenceDecodeAndTree() {
        return json.readTree(CompressedPayload.decode(payload));
    }
}
