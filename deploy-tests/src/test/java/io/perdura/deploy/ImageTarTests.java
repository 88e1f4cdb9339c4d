package io.perdura.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The image tars that scripts/images.sh builds with {@code jib:buildTar} name the right image, entrypoint, user
 * and ports, and carry the application's classes in a layer of their own. Runs when the tars are there, and must
 * find them when {@code -Dperdura.images.required=true} (as scripts/images.sh runs it).
 */
@EnabledIf("imagesBuilt")
class ImageTarTests {

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void namesTheImageAndItsMainClass(Deployable deployable) {
        ImageTar image = image(deployable);
        JibConfiguration jib = deployable.jib();
        assertThat(image.tags()).containsExactly(jib.image());
        assertThat(image.entrypoint())
                .startsWith("java")
                .contains("@/app/jib-classpath-file")
                .endsWith(jib.mainClass());
        assertThat(image.config().path("config").path("User").asString()).isEqualTo("1000:1000");
        assertThat(image.config().path("os").asString()).isEqualTo("linux");
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void exposesTheServicesPortOnly(Deployable deployable) {
        ImageTar image = image(deployable);
        if (deployable.port() == 0) {
            assertThat(image.exposedPorts()).isEmpty();
        } else {
            assertThat(image.exposedPorts()).containsExactly(deployable.port() + "/tcp");
        }
    }

    @ParameterizedTest
    @EnumSource(Deployable.class)
    void carriesTheApplicationsClassesAndAJavaRuntime(Deployable deployable) {
        ImageTar image = image(deployable);
        String mainClass = "app/classes/" + deployable.jib().mainClass().replace('.', '/') + ".class";
        assertThat(image.layersHolding(mainClass)).as(mainClass).hasSize(1);
        assertThat(image.layersHolding("app/jib-classpath-file")).hasSize(1);
        assertThat(image.layersHolding("opt/java/openjdk/bin/java"))
                .as("the base image's Java runtime")
                .hasSize(1);
        assertThat(image.layersHolding(mainClass))
                .doesNotContainAnyElementsOf(image.layersHolding("opt/java/openjdk/bin/java"));
    }

    private static final Map<Deployable, ImageTar> IMAGES = new ConcurrentHashMap<>();

    static boolean imagesBuilt() {
        return Boolean.getBoolean("perdura.images.required")
                || Arrays.stream(Deployable.values()).map(ImageTarTests::tar).anyMatch(Files::isRegularFile);
    }

    private static ImageTar image(Deployable deployable) {
        return IMAGES.computeIfAbsent(deployable, d -> ImageTar.read(tar(d)));
    }

    private static Path tar(Deployable deployable) {
        return RepositoryFiles.path(deployable.module() + "/target/jib-image.tar");
    }
}
