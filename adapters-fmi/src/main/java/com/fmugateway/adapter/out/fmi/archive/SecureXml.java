package com.fmugateway.adapter.out.fmi.archive;

import com.fmugateway.domain.fmu.model.InvalidFmuException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for untrusted XML: no DTD processing, no external entities, nothing fetched. The
 * caller must still refuse the {@code DTD} event, which StAX reports rather than rejects.
 */
final class SecureXml {

  private static final String PARSER_PREFIX = "Message: ";
  // FMI nests five deep; the parser's own element stack must not grow with hostile nesting.
  private static final int MAX_DEPTH = 100;

  private SecureXml() {}

  static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    // A new factory per document because StAX factories need not be thread-safe, and the JDK's
    // own implementation whatever else is on the classpath. StAX has no FEATURE_SECURE_PROCESSING
    // switch; the JDK applies its jdk.xml processing limits to it regardless.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
    return factory.createXMLStreamReader(in);
  }

  /** The parser's complaint without its "ParseError at [row,col]" preamble, and where it was. */
  static InvalidFmuException malformed(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf(PARSER_PREFIX);
    String why = at < 0 ? message : message.substring(at + PARSER_PREFIX.length());
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
    int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNumber();
    return new InvalidFmuException(DescriptionMessages.malformed(line, column, why.strip()), e);
  }

  static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // Closing only releases parser state; the stream itself belongs to the caller.
      }
    }
  }
}
