package dev.plankg;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Neo4j community with Bolt and HTTP on 127.0.0.1, auth off, for development and tests only. The HTTP
 * connector serves the Query API, the transactional endpoint and the Neo4j Browser at {@code /browser/}
 * (its files unpacked into this jar), with the project's guide of the named questions:
 * {@code :play http://127.0.0.1:HTTP_PORT/browser/guides/plan-kg.html}.
 *
 * <p>Usage: {@code java -jar neo4j-dev.jar [boltPort] [homeDir] [httpPort]} (defaults 7687,
 * ./neo4j-data and boltPort - 213, so 7474 for 7687). The databases live in {@code homeDir/data}, the
 * layout {@code neo4j-admin database import} writes with {@code NEO4J_HOME=homeDir}. Prints a line
 * starting with {@code READY} once Bolt and HTTP listen; shuts down cleanly on SIGTERM / SIGINT.
 */
public final class Neo4jDev {
  /** The distance between Neo4j's default Bolt port (7687) and its default HTTP port (7474). */
  static final int HTTP_PORT_OFFSET = 213;

  private Neo4jDev() {}

  public static void main(String[] args) throws InterruptedException {
    int boltPort = args.length > 0 ? Integer.parseInt(args[0]) : 7687;
    Path homeDir = Path.of(args.length > 1 ? args[1] : "neo4j-data").toAbsolutePath();
    int httpPort = args.length > 2 ? Integer.parseInt(args[2]) : boltPort - HTTP_PORT_OFFSET;

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(homeDir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, true)
            .setConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
            .setConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
            .setConfig(HttpsConnector.enabled, false)
            .setConfig(ServerSettings.allow_telemetry, false)
            // :play may fetch guides from this server (the project's at /browser/guides/plan-kg.html).
            .setConfig(ServerSettings.browser_remote_content_hostname_whitelist,
                "guides.neo4j.com,localhost,127.0.0.1")
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(128))
            .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(5))
            .build();

    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("STOPPING");
      dbms.shutdown();
      System.out.println("STOPPED");
    }, "neo4j-dev-shutdown"));

    // Fail fast if the default database did not come up.
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
    System.out.println("READY bolt://127.0.0.1:" + boltPort + " http://127.0.0.1:" + httpPort
        + "/browser/ home=" + homeDir);
    System.out.flush();
    Thread.currentThread().join();
  }
}
