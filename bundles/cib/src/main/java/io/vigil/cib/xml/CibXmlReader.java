package io.vigil.cib.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.vigil.cib.CibParseException;
import io.vigil.cib.LoadResult;
import io.vigil.cib.Problem;
import io.vigil.cib.model.CibSnapshot;
import io.vigil.cib.model.CibVersion;
import io.vigil.cib.model.Configuration;
import io.vigil.cib.model.Status;

/**
 * Imports a Pacemaker CIB XML document ({@code cibadmin --query} output, scheduler inputs) into a snapshot.
 * Never throws anything but {@link CibParseException}: what it cannot represent is reported as unsupported.
 */
public final class CibXmlReader {

    private CibXmlReader() {
    }

    public static LoadResult read(Path file) throws CibParseException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(new InputSource(in), file.toString());
        }
    }

    public static LoadResult read(String xml) throws CibParseException {
        return read(new InputSource(new StringReader(xml)), "input");
    }

    private static LoadResult read(InputSource source, String name) throws CibParseException {
        Document doc = parse(source, name);
        return read(doc.getDocumentElement(), name);
    }

    /** Imports a cib element already parsed. */
    public static LoadResult read(Element root, String name) throws CibParseException {
        if (!"cib".equals(root.getTagName())) {
            throw new CibParseException(name, "the root element is <" + root.getTagName() + ">, expected <cib>", null);
        }
        ImportContext ctx = new ImportContext();
        XmlAttrs a = new XmlAttrs(root);
        CibVersion version = new CibVersion(number(ctx, a.get("admin_epoch"), "admin_epoch"),
                number(ctx, a.get("epoch"), "epoch"), number(ctx, a.get("num_updates"), "num_updates"));
        Map<String, String> attributes = new LinkedHashMap<>(a.rest());
        Configuration configuration = Configuration.EMPTY;
        Status status = Status.EMPTY;
        for (Element e : Dom.children(root)) {
            switch (e.getTagName()) {
                case "configuration" -> configuration = new ConfigurationReader(ctx).read(e);
                case "status" -> status = new StatusReader(ctx).readSection(e);
                default -> ctx.unsupportedElement(e, "cib", "unknown element in cib");
            }
        }
        // Unsupported elements found after the configuration section still belong to it.
        if (ctx.configUnsupported.size() != configuration.unsupported().size()) {
            configuration = new Configuration(configuration.crmConfig(), configuration.nodes(), configuration.resources(),
                    configuration.constraints(), configuration.rscDefaults(), configuration.opDefaults(),
                    configuration.fencingTopology(), configuration.tags(), ImportContext.canonical(ctx.configUnsupported));
        }
        return new LoadResult(new CibSnapshot(version, attributes, configuration, status), ctx.problems);
    }

    private static long number(ImportContext ctx, String text, String field) {
        if (text == null) {
            return 0;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            ctx.problems.add(Problem.error("cib", null, field, "'" + text + "' is not a number; the version counts from 0"));
            return 0;
        }
    }

    static Document parse(InputSource source, String name) throws CibParseException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // No DTDs or external entities: a CIB never needs them and they are an attack surface.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throw, never print
            return b.parse(source);
        } catch (SAXParseException e) {
            throw new CibParseException(name + ":" + e.getLineNumber() + ":" + e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new CibParseException(name, "cannot read XML: " + e.getMessage(), e);
        }
    }
}
