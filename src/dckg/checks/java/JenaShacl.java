/*
 * Apache Jena's SHACL engine as a peer of pySHACL: validates any number of
 * (shapes, data) pairs of Turtle files in one JVM and prints one JSON object per
 * pair, in argument order, on stdout.
 *
 * Run with Java's single-file source launcher (no javac step):
 *   java -cp <fix dir>:<jena jars> JenaShacl.java SHAPES DATA [SHAPES DATA]...
 *
 * Output, one line per pair:
 *   {"data":..., "error": null|"...", "conforms": true|false|null,
 *    "results": [{"focus":..., "path":..., "severity":..., "component":...,
 *                 "message":..., "value":...}, ...]}
 * Nodes are written as N-Triples terms (blank nodes as _:label, Jena's own labels).
 *
 * Why it looks like this:
 *  - `shacl validate` (Jena's command) exits 0 whether or not the data conforms, so
 *    the verdict is read from the report here, never from an exit code.
 *  - No inference: pySHACL runs with inference off too, so both engines see exactly
 *    the same triples.
 *  - Debian's Jena needs its relocated Xerces message files on the classpath (see
 *    scripts/setup-java.sh); without them JenaSystem.init dies on the first
 *    xsd:dateTime it checks.
 *  - System.out is redirected to stderr while Jena runs so stdout stays JSON only.
 *    The JSON is written by hand (no extra jars).
 */

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.riot.out.NodeFmtLib;

public class JenaShacl {
    public static void main(String[] args) {
        PrintStream out = new PrintStream(
                new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: JenaShacl SHAPES DATA [SHAPES DATA]...");
            System.exit(2);
        }
        for (int i = 0; i < args.length; i += 2) {
            out.println(validate(args[i], args[i + 1]));
        }
        out.flush();
    }

    static String validate(String shapesFile, String dataFile) {
        StringBuilder json = new StringBuilder();
        json.append("{\"data\":").append(str(dataFile));
        try {
            Graph shapesGraph = RDFDataMgr.loadGraph(shapesFile);
            Graph dataGraph = RDFDataMgr.loadGraph(dataFile);
            Shapes shapes = Shapes.parse(shapesGraph);
            ValidationReport report = ShaclValidator.get().validate(shapes, dataGraph);
            List<String> results = new ArrayList<>();
            for (ReportEntry entry : report.getEntries()) {
                results.add(entry(entry));
            }
            json.append(",\"error\":null,\"conforms\":").append(report.conforms());
            json.append(",\"results\":[").append(String.join(",", results)).append("]}");
        } catch (Exception | StackOverflowError exc) {
            json.append(",\"error\":")
                    .append(str(exc.getClass().getSimpleName() + ": " + exc.getMessage()));
            json.append(",\"conforms\":null,\"results\":[]}");
        }
        return json.toString();
    }

    static String entry(ReportEntry e) {
        return "{\"focus\":" + node(e.focusNode())
                + ",\"path\":" + (e.resultPath() == null ? "null" : str(e.resultPath().toString()))
                + ",\"severity\":" + str(e.severity().level().getURI())
                + ",\"component\":" + (e.sourceConstraintComponent() == null ? "null" : node(e.sourceConstraintComponent()))
                + ",\"message\":" + (e.message() == null ? "null" : str(e.message()))
                + ",\"value\":" + node(e.value()) + "}";
    }

    static String node(Node n) {
        if (n == null) {
            return "null";
        }
        if (n.isBlank()) {
            return str("_:" + n.getBlankNodeLabel());
        }
        return str(NodeFmtLib.strNT(n));
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
