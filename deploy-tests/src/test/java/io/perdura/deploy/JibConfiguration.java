package io.perdura.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What a module's jib-maven-plugin block says of its image: the image name, the main class and the exposed ports.
 */
record JibConfiguration(String image, String mainClass, List<Integer> ports) {

    /** Reads the jib-maven-plugin block of a pom; {@code ${project.version}} becomes the build's version. */
    static JibConfiguration of(Path pom) {
        Element plugin = jibPlugin(pom);
        String image =
                text(plugin, "configuration", "to", "image").replace("${project.version}", RepositoryFiles.version());
        String mainClass = text(plugin, "configuration", "container", "mainClass");
        List<Integer> ports = new ArrayList<>();
        NodeList portNodes = plugin.getElementsByTagName("port");
        for (int i = 0; i < portNodes.getLength(); i++) {
            ports.add(Integer.parseInt(portNodes.item(i).getTextContent().trim()));
        }
        return new JibConfiguration(image, mainClass, List.copyOf(ports));
    }

    /** The image's repository name without its tag, e.g. {@code perdura/history-service}. */
    String repository() {
        return image.substring(0, image.lastIndexOf(':'));
    }

    private static Element jibPlugin(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList plugins = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("plugin");
            for (int i = 0; i < plugins.getLength(); i++) {
                Element plugin = (Element) plugins.item(i);
                if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                    return plugin;
                }
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
        throw new AssertionError(pom + " has no jib-maven-plugin");
    }

    /** The text of the first element at the given path of child names, or "" when there is none. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = child(current, name);
            if (current == null) {
                return "";
            }
        }
        return current.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getTagName())) {
                return element;
            }
        }
        return null;
    }
}
