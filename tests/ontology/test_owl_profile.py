"""ontology/plan.ttl is in the OWL 2 DL profile, checked by the OWL API's OWL2DLProfile (tools/owl-profile,
built by scripts/test.sh), so OWL 2 DL tools such as Protege and its reasoners take it as it is."""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from tests.jvm import TEST_JVM_FLAGS

JAR = Path(__file__).resolve().parents[2] / "tools" / "owl-profile" / "target" / "owl-profile.jar"


def _checker() -> list[str]:
    missing = None if JAR.exists() else f"{JAR} not built; `bash scripts/test.sh` builds it (mvn -q package)"
    if shutil.which("java") is None:
        missing = "no java on PATH for the OWL API profile checker"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing, pytrace=False)
        pytest.skip(f"SKIPPED OWL PROFILE TEST: {missing}")
    return ["java", *TEST_JVM_FLAGS, "-jar", str(JAR)]


def check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*_checker(), str(path)], capture_output=True, text=True, timeout=120, check=False)


def test_plan_ontology_is_in_owl2_dl():
    with resources.as_file(resources.files("kg.ontology").joinpath("plan.ttl")) as path:
        result = check(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [f"{path}: 0 violations of OWL 2 DL"]


BROKEN = """
plan:label2 a owl:DatatypeProperty ; rdfs:subPropertyOf rdfs:label ; rdfs:range rdf:langString .
plan:quote2 a owl:DatatypeProperty ; rdfs:domain rdf:Statement ; rdfs:range xsd:string .
plan:Thing2 a owl:Class ; rdfs:subClassOf <http://www.w3.org/ns/prov#Agent> .
"""


def test_the_checker_finds_the_violations_that_were_fixed(tmp_path):
    """What plan.ttl had: a datatype property under the annotation property rdfs:label, rdf:Statement as a
    class, a PROV class used without declaration."""
    text = resources.files("kg.ontology").joinpath("plan.ttl").read_text(encoding="utf-8")
    path = tmp_path / "broken.ttl"
    path.write_text(text + BROKEN, encoding="utf-8")
    result = check(path)
    assert result.returncode == 1, result.stdout + result.stderr
    kinds = {line.split(": ")[1] for line in result.stdout.splitlines()[:-1]}
    assert {"IllegalPunning", "UseOfReservedVocabularyForClassIRI", "UseOfUndeclaredClass"} <= kinds
    assert "prov#Agent" in result.stdout and "rdf:Statement" in result.stdout


def test_an_unreadable_file_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("this is not turtle <", encoding="utf-8")
    result = check(path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "cannot read" in result.stderr
