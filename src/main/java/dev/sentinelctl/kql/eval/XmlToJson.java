package dev.sentinelctl.kql.eval;

import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;

/**
 * parse_xml (parse-xml-function.md): the document as a property bag: an element with only text is its text,
 * attributes are properties prefixed with {@code @}, text beside attributes or children is {@code #text},
 * repeated child elements form an array. Invalid XML gives null. External entities are never resolved.
 */
final class XmlToJson {

    private XmlToJson() {
    }

    static JsonNode parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Element root = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            ObjectNode out = Values.object();
            out.set(root.getTagName(), element(root));
            return out;
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode element(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        NodeList kids = e.getChildNodes();
        StringBuilder text = new StringBuilder();
        boolean hasChildren = false;
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.ELEMENT_NODE) hasChildren = true;
            else if (k.getNodeType() == Node.TEXT_NODE || k.getNodeType() == Node.CDATA_SECTION_NODE) text.append(k.getNodeValue());
        }
        String t = text.toString().trim();
        if (attrs.getLength() == 0 && !hasChildren) return t.isEmpty() ? Values.JSON.nullNode() : Values.JSON.stringNode(t);
        ObjectNode o = Values.object();
        for (int i = 0; i < attrs.getLength(); i++) o.put("@" + attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() != Node.ELEMENT_NODE) continue;
            String name = ((Element) k).getTagName();
            JsonNode v = element((Element) k);
            JsonNode prev = o.get(name);
            if (prev == null) {
                o.set(name, v);
            } else if (prev.isArray()) {
                ((ArrayNode) prev).add(v);
            } else {
                ArrayNode a = Values.array();
                a.add(prev);
                a.add(v);
                o.set(name, a);
            }
        }
        if (!t.isEmpty()) o.put("#text", t);
        return o;
    }
}
