"""How the suite starts Java."""

# JVM flags of every Java process the suite starts (servers, the import tool, the OWL checker): they
# live seconds to minutes, so the optimising JIT compiler (C2) costs more CPU than it ever returns.
# Measured: a Neo4j start and one load of the bundled plan 28.5 -> 16 s of CPU, 17 -> 14 s of wall.
TEST_JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")
