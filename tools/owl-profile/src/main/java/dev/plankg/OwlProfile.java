package dev.plankg;

import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyCreationException;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

/**
 * Checks ontology files against the OWL 2 DL profile with the OWL API's {@link OWL2DLProfile}.
 *
 * <p>Usage: {@code java -jar owl-profile.jar FILE...}. Prints one line per violation ({@code FILE:
 * ViolationClass: description}), then {@code FILE: N violations of OWL 2 DL}. Imports are not
 * fetched (no network): a term an ontology uses must be declared in the file itself. Exit 0 when every
 * file is in the profile, 1 when one is not, 2 when a file cannot be read.
 */
public final class OwlProfile {
  private OwlProfile() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: java -jar owl-profile.jar FILE...");
      System.exit(2);
    }
    int status = 0;
    for (String name : args) {
      OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
      // Lax parsing, as Protege loads files (the OWL API's strict mode also refuses anonymous unions).
      OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
          .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT);
      OWLOntology ontology;
      try {
        ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(name)), config);
      } catch (OWLOntologyCreationException e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        System.err.println(name + ": cannot read: " + e.getClass().getSimpleName() + ": " + message);
        System.exit(2);
        return;
      }
      OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
      for (OWLProfileViolation violation : report.getViolations()) {
        String text = violation.toString().replaceAll("\\s+", " ").trim();
        System.out.println(name + ": " + violation.getClass().getSimpleName() + ": " + text);
      }
      System.out.println(name + ": " + report.getViolations().size() + " violations of OWL 2 DL");
      if (!report.isInProfile()) {
        status = 1;
      }
    }
    System.exit(status);
  }
}
