/*
 * "Opens cleanly in Protégé" check: OWL API 5 (Turtle loading with every unmapped
 * triple reported, OWL 2 DL profile) plus HermiT (consistency, unsatisfiable
 * classes), for any number of Turtle files in one JVM.
 *
 * Run with Java's single-file source launcher (no javac step):
 *   java -cp <owlapi + deps + HermiT jars> OwlCheck.java [--import F]... [--query E]... FILE...
 *
 * Each --import F (a pinned W3C vocabulary) is loaded once and merged into every
 * FILE before reasoning; each --query E (a class expression in Manchester syntax,
 * using FILE's Turtle prefixes) is answered over that merge.
 *
 * Prints exactly one JSON object per line per FILE on stdout, in argument order:
 *   {"file":..., "parse_error": null|"...", "unparsed_triples": [...],
 *    "profile_violations": [...], "consistent": true|false|null,
 *    "reasoner_error": null|"...", "unsatisfiable": [...], "axioms": N,
 *    "same_individuals": [[a, b], ...], "import_notes": [...],
 *    "queries": [{"expression": E, "instances": [...], "error": null|"..."}]}
 * Anything else a library writes to System.out is redirected to stderr so that
 * stdout stays machine-readable. The JSON is written by hand (no extra jars).
 *
 * Why each step is there:
 *  - Turtle parser only: Protégé tries every parser in turn, which buries a Turtle
 *    syntax error under the complaints of the others; here the Turtle parser's own
 *    error is reported, with line and column.
 *  - Unparsed triples: Protégé silently drops every RDF triple the OWL API cannot
 *    map to an axiom; here each one is reported, as are the placeholder classes
 *    (http://org.semanticweb.owlapi/error#ErrorN) the OWL API puts in place of a
 *    class expression it cannot read. The loader's RDFParserMetaData lists most
 *    unparsed triples but not leftover owl:onProperty / owl:someValuesFrom /
 *    owl:allValuesFrom / owl:onClass / owl:onDataRange triples, which the OWL API
 *    only logs; so slf4j is bound to java.util.logging (slf4j-jdk14) and those log
 *    records are captured too.
 *  - Loading is NOT strict (OWLOntologyLoaderConfiguration.setStrict(false), which
 *    is what Protégé uses). In OWL API 5.1.20 (Debian 12) strict mode cannot map any
 *    anonymous class expression from RDF: every `rdfs:subClassOf [ a owl:Restriction
 *    ...]` is left as unparsed triples, and an owl:unionOf aborts the load. A strict
 *    check would therefore reject every real ontology, or worse, reason over one
 *    with its restrictions missing. Entities the lax loader has to guess (undeclared
 *    classes and properties) still show up: the guess adds no declaration, so the
 *    OWL 2 DL profile check below reports UseOfUndeclared... for each.
 *  - OWL 2 DL profile: Protégé opens non-DL ontologies without complaint, but
 *    reasoners and other tools then reject or misread them.
 *  - HermiT with ignoreUnsupportedDatatypes = false: the default reasoner factory
 *    and Protégé's plugin ignore unsupported datatypes (xsd:date, ...) which
 *    hides inconsistencies; here they are reported as reasoner errors.
 *  - Imports are never fetched from the web: every import IRI is mapped to a
 *    file that does not exist, so a missing import is a reported load error.
 *  - The pinned W3C files (--import) are merged with FILE, the way a Protégé user
 *    who loads them beside the graph sees them; HermiT gets their syntactic-locality
 *    module for FILE's signature, which keeps every consequence over FILE's terms
 *    (consistency, instances, sameAs) and leaves out the rest of OWL-Time and PROV-O. The unparsed-triple and profile
 *    checks stay on FILE alone: PROV-O, SKOS and OWL-Time are not all OWL 2 DL, and
 *    they are not ours to edit. What is left out of the merge is said in
 *    import_notes: the W3C files' unparsed triples, and their few logical axioms on
 *    datatypes outside the OWL 2 map (OWL-Time's xsd:gYear ranges, ...), which
 *    HermiT would refuse outright with ignoreUnsupportedDatatypes = false.
 *  - Inferred owl:sameAs between two named individuals is reported pair by pair:
 *    a silent merge of two instants or two concepts is a modelling error, not a
 *    conclusion (functional properties with two values produce it).
 */

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.semanticweb.HermiT.Configuration;
import org.semanticweb.HermiT.Reasoner;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.expression.ShortFormEntityChecker;
import org.semanticweb.owlapi.formats.RDFDocumentFormat;
import org.semanticweb.owlapi.formats.TurtleDocumentFormat;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.OWLParser;
import org.semanticweb.owlapi.io.OWLParserException;
import org.semanticweb.owlapi.io.RDFLiteral;
import org.semanticweb.owlapi.io.RDFNode;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.io.UnparsableOntologyException;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLAxiom;
import org.semanticweb.owlapi.model.OWLClass;
import org.semanticweb.owlapi.model.OWLClassExpression;
import org.semanticweb.owlapi.model.OWLDataFactory;
import org.semanticweb.owlapi.model.OWLEntity;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLIndividual;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.UnloadableImportException;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.BidirectionalShortFormProviderAdapter;
import org.semanticweb.owlapi.util.DefaultPrefixManager;
import org.semanticweb.owlapi.util.mansyntax.ManchesterOWLSyntaxParser;

import uk.ac.manchester.cs.owlapi.modularity.ModuleType;
import uk.ac.manchester.cs.owlapi.modularity.SyntacticLocalityModuleExtractor;

public class OwlCheck {

    /** Where every import IRI is mapped: a file that does not exist, so nothing is fetched. */
    private static final String NO_FETCH_PREFIX = "file:///nonexistent/dckg-owlcheck-no-fetch/";

    /** Namespace of the placeholders the OWL API invents for RDF it cannot map. */
    private static final String ERROR_IRI = "http://org.semanticweb.owlapi/error#";

    /** The IRI of the ontology a FILE and the pinned imports are merged into. */
    private static final IRI MERGED_IRI = IRI.create("urn:dckg:owlcheck:merged");

    /** The fresh classes that name the DL queries (Qn = the n-th --query expression). */
    private static final String QUERY_PREFIX = "urn:dckg:owlcheck:query#Q";

    /** Leftover triples of these predicates are only logged, never in RDFParserMetaData. */
    private static final Set<String> LOGGED_ONLY_PREDICATES = Set.of(
            "http://www.w3.org/2002/07/owl#onProperty",
            "http://www.w3.org/2002/07/owl#someValuesFrom",
            "http://www.w3.org/2002/07/owl#allValuesFrom",
            "http://www.w3.org/2002/07/owl#onClass",
            "http://www.w3.org/2002/07/owl#onDataRange");

    private static final String UNPARSED_PREFIX = "Unparsed triple: ";

    /** "Unparsed triple: s -> p -> o" messages logged while loading the current file. */
    private static final List<String> LOGGED_UNPARSED = new ArrayList<>();

    /** Held so java.util.logging cannot garbage-collect the configured logger. */
    private static final Logger OWLAPI_LOGGER = Logger.getLogger("org.semanticweb.owlapi");

    private static final class Result {
        String file;
        String parseError;
        final List<String> unparsedTriples = new ArrayList<>();
        final List<String> profileViolations = new ArrayList<>();
        Boolean consistent;
        String reasonerError;
        final List<String> unsatisfiable = new ArrayList<>();
        int axioms;
        final List<List<String>> sameIndividuals = new ArrayList<>();
        final List<String> importNotes = new ArrayList<>();
        final List<Query> queries = new ArrayList<>();
    }

    private static final class Query {
        final String expression;
        final List<String> instances = new ArrayList<>();
        String error;
        OWLClass named;

        Query(String expression) {
            this.expression = expression;
        }
    }

    /** The pinned W3C files, loaded once: the axioms merged into every FILE, and notes. */
    private static final class Imports {
        final List<OWLAxiom> axioms = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        String error;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(
                new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        captureOwlApiLog();
        List<String> importPaths = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--import") && i + 1 < args.length) {
                importPaths.add(args[++i]);
            } else if (args[i].equals("--query") && i + 1 < args.length) {
                queries.add(args[++i]);
            } else {
                files.add(args[i]);
            }
        }
        Imports imports = loadImports(importPaths);
        for (String path : files) {
            Result r = new Result();
            r.file = path;
            queries.forEach(q -> r.queries.add(new Query(q)));
            try {
                check(path, imports, r);
            } catch (Throwable t) {
                // Last resort: never lose the one line per file the caller counts on.
                if (r.parseError == null && r.consistent == null && r.reasonerError == null) {
                    r.reasonerError = "unexpected error: " + describe(t);
                }
            }
            out.println(toJson(r));
            out.flush();
        }
    }

    /** Route the OWL API's log (slf4j -> java.util.logging) into LOGGED_UNPARSED only. */
    private static void captureOwlApiLog() {
        LogManager.getLogManager().reset(); // no console output from any library
        OWLAPI_LOGGER.setLevel(Level.INFO);
        OWLAPI_LOGGER.addHandler(new Handler() {
            @Override
            public void publish(LogRecord rec) {
                String msg = rec.getMessage();
                if (msg != null && msg.startsWith(UNPARSED_PREFIX)) {
                    LOGGED_UNPARSED.add(msg.substring(UNPARSED_PREFIX.length()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    /** A logged "s -> p -> o" leftover as an N-Triples line, if it is one the metadata lacks. */
    private static Optional<String> loggedTriple(String logged) {
        String[] spo = logged.split(" -> ", 3);
        if (spo.length != 3 || !LOGGED_ONLY_PREDICATES.contains(spo[1])) {
            return Optional.empty(); // the rest are in RDFParserMetaData already
        }
        return Optional.of(term(spo[0]) + " <" + spo[1] + "> " + term(spo[2]) + " .");
    }

    private static String term(String node) {
        return node.startsWith("_:") ? node : "<" + node + ">";
    }

    private static OWLOntologyManager newManager() {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        manager.getIRIMappers().clear();
        manager.getIRIMappers().add(
                (IRI iri) -> IRI.create(NO_FETCH_PREFIX + Integer.toHexString(iri.hashCode())));
        return manager;
    }

    /**
     * Load one Turtle file as Protégé would; fill r's parse error and unparsed triples.
     * Returns null when the file cannot be loaded.
     */
    private static OWLOntology load(OWLOntologyManager manager, String path, Result r) {
        LOGGED_UNPARSED.clear();
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setStrict(false) // see the header: strict mode drops restrictions
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION)
                .setReportStackTraces(false);
        OWLOntology ont;
        try {
            ont = manager.loadOntologyFromOntologyDocument(
                    new FileDocumentSource(new File(path), new TurtleDocumentFormat()), config);
        } catch (UnparsableOntologyException e) {
            r.parseError = describeUnparsable(e);
            return null;
        } catch (UnloadableImportException e) {
            r.parseError = "owl:imports " + e.getImportsDeclaration().getIRI()
                    + " cannot be loaded: imports are never fetched from the web";
            return null;
        } catch (Throwable t) {
            r.parseError = describe(t);
            return null;
        }
        OWLDocumentFormat format = manager.getOntologyFormat(ont);
        LOGGED_UNPARSED.stream()
                .map(OwlCheck::loggedTriple)
                .flatMap(Optional::stream)
                .forEach(r.unparsedTriples::add);
        if (format instanceof RDFDocumentFormat) {
            Optional<OWLOntologyLoaderMetaData> meta =
                    ((RDFDocumentFormat) format).getOntologyLoaderMetaData();
            if (meta.isPresent() && meta.get() instanceof RDFParserMetaData) {
                ((RDFParserMetaData) meta.get()).getUnparsedTriples()
                        .map(OwlCheck::nTriple)
                        .forEach(r.unparsedTriples::add);
            }
        }
        List<String> distinct = r.unparsedTriples.stream().distinct().sorted().toList();
        r.unparsedTriples.clear();
        r.unparsedTriples.addAll(distinct);
        ont.axioms()
                .filter(ax -> ax.signature()
                        .anyMatch(e -> e.getIRI().toString().startsWith(ERROR_IRI)))
                .map(ax -> "RDF the OWL API could not read, replaced by a placeholder ("
                        + ERROR_IRI + "...) in " + oneLine(ax.toString()))
                .sorted()
                .forEach(r.unparsedTriples::add);
        return ont;
    }

    /** Load the pinned W3C files once; what is left out of the merge becomes a note. */
    private static Imports loadImports(List<String> paths) {
        Imports imports = new Imports();
        for (String path : paths) {
            String name = new File(path).getName();
            Result r = new Result();
            OWLOntology ont = load(newManager(), path, r);
            if (ont == null) {
                imports.error = "import " + name + ": " + r.parseError;
                return imports;
            }
            if (!r.unparsedTriples.isEmpty()) {
                imports.notes.add(name + ": " + r.unparsedTriples.size()
                        + " triple(s) the OWL API could not map to an axiom");
            }
            List<String> skipped = new ArrayList<>();
            ont.axioms().forEach(ax -> {
                if (ax.isLogicalAxiom() && ax.datatypesInSignature()
                        .anyMatch(dt -> !dt.isBuiltIn())) {
                    skipped.add(oneLine(ax.toString()));
                } else {
                    imports.axioms.add(ax);
                }
            });
            if (!skipped.isEmpty()) {
                skipped.sort(null);
                imports.notes.add(name + ": " + skipped.size() + " axiom(s) on datatypes"
                        + " outside the OWL 2 map not reasoned over: " + String.join("; ", skipped));
            }
        }
        return imports;
    }

    private static void check(String path, Imports imports, Result r) {
        OWLOntologyManager manager = newManager();
        OWLOntology ont = load(manager, path, r);
        if (ont == null) {
            return;
        }
        r.axioms = ont.getAxiomCount();
        try {
            for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(ont).getViolations()) {
                r.profileViolations.add(
                        v.getClass().getSimpleName() + ": " + oneLine(v.toString()));
            }
            r.profileViolations.sort(null); // the OWL API's order varies from run to run
        } catch (Throwable t) {
            r.profileViolations.add("profile check failed: " + describe(t));
        }
        if (imports.error != null) {
            r.reasonerError = imports.error;
            return;
        }
        r.importNotes.addAll(imports.notes);
        OWLOntology merged;
        try {
            merged = manager.createOntology(MERGED_IRI);
        } catch (OWLOntologyCreationException e) {
            r.reasonerError = describe(e);
            return;
        }
        manager.addAxioms(merged, ont.axioms());
        if (!imports.axioms.isEmpty()) {
            manager.addAxioms(merged, module(manager, imports, ont).stream());
        }
        defineQueries(merged, prefixes(manager, ont), r);
        reason(merged, r);
    }

    /**
     * The part of the imports that matters to FILE: their syntactic-locality module
     * (STAR) for FILE's signature. FILE merged with it is consistent, and entails an
     * axiom over FILE's terms (a subsumption, an instance, a sameAs), exactly when
     * FILE merged with the whole imports does; the rest of OWL-Time and PROV-O only
     * slows HermiT down (a DL query over the full merge took minutes).
     */
    private static Set<OWLAxiom> module(OWLOntologyManager manager, Imports imports,
            OWLOntology ont) {
        Set<OWLEntity> signature = ont.signature().collect(Collectors.toSet());
        return new SyntacticLocalityModuleExtractor(
                manager, imports.axioms.stream(), ModuleType.STAR).extract(signature);
    }

    /** HermiT over the merge: consistency, unsatisfiable classes, sameAs, DL queries. */
    private static void reason(OWLOntology merged, Result r) {
        Configuration hermit = new Configuration();
        hermit.ignoreUnsupportedDatatypes = false;
        hermit.throwInconsistentOntologyException = false;
        Reasoner reasoner = null;
        try {
            reasoner = new Reasoner(hermit, merged);
            r.consistent = reasoner.isConsistent();
            if (r.consistent) {
                for (OWLClass c : reasoner.getUnsatisfiableClasses().getEntitiesMinusBottom()) {
                    if (!c.getIRI().toString().startsWith(QUERY_PREFIX)) {
                        r.unsatisfiable.add(c.getIRI().toString());
                    }
                }
                r.unsatisfiable.sort(null);
                sameIndividuals(merged, reasoner, r);
                for (Query q : r.queries) {
                    if (q.named != null) {
                        reasoner.getInstances(q.named, false).entities()
                                .map(i -> i.getIRI().toString())
                                .sorted()
                                .forEach(q.instances::add);
                    }
                }
            } else {
                r.queries.stream().filter(q -> q.error == null)
                        .forEach(q -> q.error = "the merged ontology is inconsistent");
            }
        } catch (Throwable t) {
            r.reasonerError = describe(t);
        } finally {
            if (reasoner != null) {
                reasoner.dispose();
            }
        }
    }

    /** Every pair of distinct named individuals HermiT infers to be the same, sorted. */
    private static void sameIndividuals(OWLOntology merged, Reasoner reasoner, Result r) {
        Set<List<String>> pairs = new TreeSet<>(Comparator.comparing(p -> p.get(0) + " " + p.get(1)));
        merged.individualsInSignature().forEach(ind -> {
            String a = ind.getIRI().toString();
            reasoner.getSameIndividuals(ind).entities()
                    .filter(OWLIndividual::isNamed)
                    .map(other -> other.getIRI().toString())
                    .filter(b -> !b.equals(a))
                    .forEach(b -> pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)));
        });
        r.sameIndividuals.addAll(pairs);
    }

    /**
     * Parse each query and name it: EquivalentClasses(Qn, expression) with a fresh Qn,
     * added before HermiT starts. Its instances are then those of a named class, which
     * HermiT finds from the class hierarchy; asking for an anonymous expression made
     * it re-classify per query (about 12 s on the built graph instead of 0.1 s).
     */
    private static void defineQueries(OWLOntology merged, DefaultPrefixManager prefixes,
            Result r) {
        OWLOntologyManager manager = merged.getOWLOntologyManager();
        OWLDataFactory df = manager.getOWLDataFactory();
        for (int i = 0; i < r.queries.size(); i++) {
            Query q = r.queries.get(i);
            try {
                ManchesterOWLSyntaxParser parser = OWLManager.createManchesterParser();
                parser.setDefaultOntology(merged);
                parser.setOWLEntityChecker(new ShortFormEntityChecker(
                        new BidirectionalShortFormProviderAdapter(
                                manager, List.of(merged), prefixes)));
                parser.setStringToParse(q.expression);
                OWLClassExpression ce = parser.parseClassExpression();
                q.named = df.getOWLClass(IRI.create(QUERY_PREFIX + i));
                manager.addAxiom(merged, df.getOWLEquivalentClassesAxiom(q.named, ce));
            } catch (Throwable t) {
                q.error = describe(t);
            }
        }
    }

    /** The FILE's own Turtle prefixes, so queries read as the file does (dckg:Channel). */
    private static DefaultPrefixManager prefixes(OWLOntologyManager manager, OWLOntology ont) {
        DefaultPrefixManager pm = new DefaultPrefixManager();
        OWLDocumentFormat format = manager.getOntologyFormat(ont);
        if (format != null && format.isPrefixOWLDocumentFormat()) {
            format.asPrefixOWLDocumentFormat().getPrefixName2PrefixMap()
                    .forEach(pm::setPrefix);
        }
        return pm;
    }

    /** N-Triples form (datatypes and language tags kept, unlike RDFTriple.toString()). */
    private static String nTriple(RDFTriple t) {
        return node(t.getSubject()) + " " + node(t.getPredicate()) + " " + node(t.getObject())
                + " .";
    }

    /** RDFNode.ntriplesString() wraps blank nodes in angle brackets; this does not. */
    private static String node(RDFNode n) {
        return n.isLiteral() ? ((RDFLiteral) n).ntriplesString() : term(n.getIRI().toString());
    }

    /** The OWL API tries parsers by format; report each parser's error with line/column. */
    private static String describeUnparsable(UnparsableOntologyException e) {
        Map<OWLParser, OWLParserException> errors = e.getExceptions();
        if (errors == null || errors.isEmpty()) {
            return describe(e);
        }
        return errors.entrySet().stream()
                .map(en -> {
                    OWLParserException p = en.getValue();
                    String where = p.getLineNumber() > 0
                            ? " at line " + p.getLineNumber() + ", column " + p.getColumnNumber()
                            : "";
                    return en.getKey().getClass().getSimpleName() + where + ": "
                            + stripClassPrefix(oneLine(p.getMessage()));
                })
                .sorted()
                .collect(Collectors.joining(" | "));
    }

    private static String describe(Throwable t) {
        String msg = t.getMessage();
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        if (msg != null && !msg.isBlank()) {
            sb.append(": ").append(stripClassPrefix(oneLine(msg)));
        }
        Throwable cause = t.getCause();
        boolean causeInMessage = msg != null && cause != null && cause.getMessage() != null
                && msg.contains(cause.getMessage());
        if (cause != null && cause != t && !causeInMessage) {
            sb.append(" (caused by ").append(describe(cause)).append(")");
        }
        return sb.toString();
    }

    /** Drop leading "pkg.Class: " / "Class: " prefixes that exceptions copy from their causes. */
    private static String stripClassPrefix(String s) {
        return s.replaceFirst("^(?:(?:[a-z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error): )+", "");
    }

    /** Collapse whitespace runs so every message is one readable line. */
    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String toJson(Result r) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"file\":").append(str(r.file));
        sb.append(",\"parse_error\":").append(str(r.parseError));
        sb.append(",\"unparsed_triples\":").append(arr(r.unparsedTriples));
        sb.append(",\"profile_violations\":").append(arr(r.profileViolations));
        sb.append(",\"consistent\":").append(r.consistent == null ? "null" : r.consistent);
        sb.append(",\"reasoner_error\":").append(str(r.reasonerError));
        sb.append(",\"unsatisfiable\":").append(arr(r.unsatisfiable));
        sb.append(",\"axioms\":").append(r.axioms);
        sb.append(",\"same_individuals\":").append(r.sameIndividuals.stream()
                .map(OwlCheck::arr).collect(Collectors.joining(",", "[", "]")));
        sb.append(",\"import_notes\":").append(arr(r.importNotes));
        sb.append(",\"queries\":").append(r.queries.stream()
                .map(q -> "{\"expression\":" + str(q.expression) + ",\"instances\":"
                        + arr(q.instances) + ",\"error\":" + str(q.error) + "}")
                .collect(Collectors.joining(",", "[", "]")));
        return sb.append('}').toString();
    }

    private static String arr(List<String> items) {
        return items.stream().map(OwlCheck::str).collect(Collectors.joining(",", "[", "]"));
    }

    /** A JSON string; everything outside printable ASCII is \\u-escaped, so the output is ASCII. */
    private static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
