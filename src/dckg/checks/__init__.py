"""Second opinions from Java tools: OWL API and HermiT (Protégé), Apache Jena SHACL."""
