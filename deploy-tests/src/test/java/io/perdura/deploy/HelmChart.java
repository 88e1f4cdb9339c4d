package io.perdura.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.Map;

/** The chart in {@code helm/perdura}, linted and rendered by the helm library in this JVM. */
final class HelmChart {

    /** The release name the tests render with. */
    static final String RELEASE = "prod";

    /** The prefix of every object the release renders. */
    static final String FULLNAME = RELEASE + "-perdura";

    private HelmChart() {}

    /** The chart's directory. */
    static Path directory() {
        return RepositoryFiles.path("helm/perdura");
    }

    /** {@code helm lint --strict} of the chart with its default values. */
    static LintResult lint() {
        return new Helm(directory()).lint().strict().call();
    }

    /** {@code helm template} of the chart with its defaults and the given {@code --set} values. */
    static Manifests render(Map<String, Object> values) {
        TemplateCommand template =
                new Helm(directory()).template().withName(RELEASE).withNamespace("perdura");
        values.forEach(template::set);
        return new Manifests(Yaml.readAll(template.call()));
    }
}
