package dev.monotable.processor.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes a table's design report next to its description in the class output,
 * {@code META-INF/monotable/<Table>.html}, {@code <Table>.workbench.json} and
 * {@code <Table>.cfn.json}; with {@code -Amonotable.report.dir=<dir>}, also to that folder.
 */
public final class DesignReportWriter {
  /** The processor option naming a folder that also receives each table's report files. */
  public static final String REPORT_DIR_OPTION = "monotable.report.dir";

  private final Filer filer;
  private final Path reportDir;

  /** {@code options} are the processor's; a blank {@value #REPORT_DIR_OPTION} is no folder. */
  public DesignReportWriter(Filer filer, Map<String, String> options) {
    this.filer = filer;
    String dir = options.get(REPORT_DIR_OPTION);
    this.reportDir = dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  public void write(DesignReport report, List<? extends Element> originating) {
    Map<String, String> files = files(report);
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
            "META-INF/monotable/" + file.getKey(), originating.toArray(new Element[0]));
        try (Writer writer = resource.openWriter()) {
          writer.write(file.getValue());
        }
      }
      if (reportDir != null) {
        Files.createDirectories(reportDir);
        for (Map.Entry<String, String> file : files.entrySet()) {
          Files.writeString(reportDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report's files by name. */
  static Map<String, String> files(DesignReport report) {
    String table = report.table().name();
    Map<String, String> files = new LinkedHashMap<>();
    files.put(table + ".html", HtmlReport.render(report));
    files.put(table + ".workbench.json", WorkbenchModel.render(report));
    files.put(table + ".cfn.json", CloudFormationTemplate.render(report));
    String policy = IamPolicy.template(report.table(), report.entities());
    if (policy != null) {
      files.put(table + ".iam.json", policy.replace(IamPolicy.TABLE_NAME, table));
    }
    return files;
  }
}
