package dev.attache.ingest.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * With {@code -Ptestcontainers} on a machine without a Docker engine, the stack tests are skipped (reported as
 * skipped, with the reason) instead of failing. Registered for every test class through JUnit's extension
 * auto-detection (enabled by quarkus-junit); it disables nothing in the default, embedded configuration.
 */
public class DockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PipelineStack.containers() || context.getTestClass().map(c -> !usesStack(c)).orElse(true)) {
            return ConditionEvaluationResult.enabled("no containers needed");
        }
        return dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker engine available")
                : ConditionEvaluationResult.disabled("-Ptestcontainers needs a Docker engine, and none answers here");
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** By name: under Quarkus the test class and this extension may see the annotation from different loaders. */
    private static boolean usesStack(Class<?> testClass) {
        for (java.lang.annotation.Annotation a : testClass.getAnnotations()) {
            if (a.annotationType().getName().equals("io.quarkus.test.common.QuarkusTestResource")
                    && a.toString().contains(PipelineStack.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
