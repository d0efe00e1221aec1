package org.sesreturns.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoaderTest {

  private static final String SEFTON = "classpath:catalogue/sefton-ses.yaml";
  private static final String SEFTON_HISTORY = "classpath:catalogue/sefton-ses-2023-24-q4.yaml";

  @TempDir
  Path dir;

  private final CatalogueLoader loader = new CatalogueLoader();

  private static final String VALID = """
      strategy:
        id: test-strategy
        title: Test Strategy
        board: Test Board
        financial-year-start: january
      people:
        - {id: ann.lead, name: Ann Lead, email: ann@example.org}
        - {id: bob.ses, name: Bob Ses, email: bob@example.org}
        - {id: coord, name: Coordinator, email: coord@example.org}
      roles:
        coordinators: [coord]
        board: []
      objectives:
        - id: first
          title: First objective
          ses-lead: bob.ses
          project-lead: ann.lead
          kpis:
            - {id: homes, title: Homes built, type: count, target: 100}
      """;

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void loadsSeftonCatalogueAndHistory() {
    Catalogue catalogue = loader.load(SEFTON, List.of(SEFTON_HISTORY));

    assertThat(catalogue.strategy().title()).isEqualTo("Sefton Economic Strategy Action Plan");
    assertThat(catalogue.strategy().financialYearStart()).isEqualTo(Month.APRIL);
    assertThat(catalogue.objectives()).hasSize(11);
    assertThat(catalogue.objectives().get(0).kpis()).hasSize(11);
    assertThat(catalogue.requireObjective("health").kpis().get(0).type()).isEqualTo(KpiType.TREND);
    assertThat(catalogue.history()).singleElement()
        .satisfies(h -> assertThat(h.period()).isEqualTo(Period.parse("2023-24 Q4")));
    assertThat(catalogue.historyBefore(Period.parse("2024-25 Q1"))).isPresent();
  }

  @Test
  void loadsAnotherCatalogueFromAFile() throws IOException {
    Catalogue catalogue = loader.load(write("c.yaml", VALID), List.of());
    assertThat(catalogue.strategy().id()).isEqualTo("test-strategy");
    assertThat(catalogue.objectives().get(0).kpis().get(0).target()).isEqualTo("100");
    assertThat(Period.parse("2024-25 Q1").months(catalogue.strategy().financialYearStart())).isEqualTo("Jan-Mar 2024");
  }

  @Test
  void theOrganisationsNameColourAndLogoAreTheCataloguesOwnAndChecked() throws IOException {
    var image = new java.awt.image.BufferedImage(300, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
    javax.imageio.ImageIO.write(image, "png", dir.resolve("logo.png").toFile());
    String branded = VALID.replace("  financial-year-start: january\n", """
          financial-year-start: january
          organisation: Test Borough Council
          colour: "#00539F"
          logo: logo.png
        """);
    Catalogue catalogue = loader.load(write("c.yaml", branded), List.of());
    var branding = catalogue.strategy().branding();
    assertThat(branding.organisation()).isEqualTo("Test Borough Council");
    assertThat(branding.colour()).isEqualTo("#00539f");
    assertThat(branding.logo().mediaType()).isEqualTo("image/png");
    assertThat(List.of(branding.logo().width(), branding.logo().height())).containsExactly(300, 100);
    assertThat(branding.logo().bytes()).isEqualTo(Files.readAllBytes(dir.resolve("logo.png")));

    // none of it is required: the pack is then the strategy's own, in a dark blue
    assertThat(loader.load(write("plain.yaml", VALID), List.of()).strategy().branding())
        .isEqualTo(Catalogue.Branding.PLAIN);
    assertThat(CatalogueLoader.contrastWithWhite(Catalogue.Branding.DEFAULT_COLOUR)).isGreaterThan(10);

    // a colour white text cannot be read on, a colour that is not one, a logo that is not a picture or not there
    String light = write("light.yaml", branded.replace("#00539F", "#ffcc00"));
    assertThatThrownBy(() -> loader.load(light, List.of())).hasMessage(light + ", at strategy.colour: '#ffcc00' is too"
        + " light for the white text the pack prints on it (contrast 1.5:1, at least 4.5:1 is needed): choose a darker shade");
    String word = write("word.yaml", branded.replace("\"#00539F\"", "blue"));
    assertThatThrownBy(() -> loader.load(word, List.of()))
        .hasMessageContaining("strategy.colour: 'blue' is not a colour written as #rrggbb");
    Files.writeString(dir.resolve("notes.png"), "not a picture");
    String text = write("text.yaml", branded.replace("logo.png", "notes.png"));
    assertThatThrownBy(() -> loader.load(text, List.of()))
        .hasMessageContaining("strategy.logo: the logo 'notes.png' is not a PNG or JPEG picture");
    String missing = write("missing.yaml", branded.replace("logo.png", "crest.png"));
    assertThatThrownBy(() -> loader.load(missing, List.of()))
        .hasMessageContaining("strategy.logo: the logo 'crest.png' is not beside the catalogue");
    String outside = write("outside.yaml", branded.replace("logo.png", "../../etc/passwd"));
    assertThatThrownBy(() -> loader.load(outside, List.of()))
        .hasMessageContaining("strategy.logo: '../../etc/passwd' must be a file name beside the catalogue");
  }

  @Test
  void unknownPersonNamesFileAndPlace() throws IOException {
    String file = write("c.yaml", VALID.replace("ses-lead: bob.ses", "ses-lead: nobody"));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(CatalogueException.class)
        .hasMessage(file + ", at objectives[0].ses-lead: unknown person 'nobody' (not in people)");
  }

  @Test
  void projectLeadWhoIsAlsoTheSesLeadIsRefused() throws IOException {
    String file = write("c.yaml", VALID.replace("ses-lead: bob.ses", "ses-lead: ann.lead"));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(CatalogueException.class)
        .hasMessage(file + ", at objectives[0].project-lead: 'ann.lead' is also the objective's ses-lead:"
            + " nobody signs off their own return");
  }

  @Test
  void duplicateIdIsRefused() throws IOException {
    String file = write("c.yaml", VALID.replace("- {id: coord,", "- {id: ann.lead,"));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .hasMessageContaining("people[2].id: duplicate person id 'ann.lead'");
  }

  @Test
  void unknownKpiTypeIsRefused() throws IOException {
    String file = write("c.yaml", VALID.replace("type: count", "type: ratio"));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .hasMessageContaining("objectives[0].kpis[0].type: unknown KPI type 'ratio'");
  }

  @Test
  void targetThatDoesNotFitTheTypeIsRefused() throws IOException {
    String file = write("c.yaml", VALID.replace("target: 100", "target: lots"));
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .hasMessageContaining("objectives[0].kpis[0].target: a count target must be a plain number or n/a");
  }

  @Test
  void unparsableYamlNamesLine() throws IOException {
    String file = write("c.yaml", VALID + "  - [unclosed\n");
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(CatalogueException.class)
        .hasMessageContaining(file + ", at line ")
        .hasMessageContaining("it is not valid YAML");
  }

  @Test
  void historyKpiNotInCatalogueIsRefused() throws IOException {
    String catalogue = write("c.yaml", VALID);
    String history = write("h.yaml", """
        period: 2023-24 Q4
        returns:
          - objective: first
            overall-status: green
            kpis:
              - {kpi: homes, achieved: "10", status: green}
              - {kpi: roads, achieved: "3", status: green}
        """);
    assertThatThrownBy(() -> loader.load(catalogue, List.of(history)))
        .hasMessage(history + ", at returns[0].kpis[1].kpi: KPI 'roads' is not in objective 'first' of the catalogue");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> loader.load(dir.resolve("none.yaml").toString(), List.of()))
        .hasMessageContaining("none.yaml, at the file: it does not exist");
  }

  /**
   * A national programme's catalogue: 10,000 objectives of six KPIs each, led by 1,000 project
   * leads and 100 SES leads. About 3.5 MB, over SnakeYAML's default limit of 3 MB, which refused it.
   */
  @Test
  void aCatalogueOf10000ObjectivesWithSixKpisEachLoads() throws IOException {
    StringBuilder yaml = new StringBuilder("""
        strategy: {id: national-programme, title: National Programme, board: Programme Board}
        people:
          - {id: coord, name: Coordinator, email: coord@example.org}
        """);
    for (int p = 0; p < 1000; p++) {
      yaml.append("  - {id: lead-").append(p).append(", name: Project Lead ").append(p).append(", email: lead-").append(p)
          .append("@example.org}\n");
    }
    for (int p = 0; p < 100; p++) {
      yaml.append("  - {id: ses-").append(p).append(", name: SES Lead ").append(p).append(", email: ses-").append(p)
          .append("@example.org}\n");
    }
    yaml.append("roles: {coordinators: [coord], board: []}\nobjectives:\n");
    for (int o = 0; o < 10_000; o++) {
      yaml.append("  - id: objective-").append(o).append("\n    title: Objective ").append(o)
          .append(" of the national programme for growth, skills and places\n    ses-lead: ses-").append(o % 100)
          .append("\n    project-lead: lead-").append(o % 1000).append("\n    kpis:\n");
      for (int k = 0; k < 6; k++) {
        yaml.append("      - {id: kpi-").append(k).append(", title: Number of businesses supported in area ").append(k)
            .append(", type: count, target: ").append(100 + k).append(", unit: businesses}\n");
      }
    }
    String file = write("national.yaml", yaml.toString());
    assertThat(Files.size(Path.of(file))).isGreaterThan(3L * 1024 * 1024);

    Catalogue catalogue = loader.load(file, List.of());

    assertThat(catalogue.objectives()).hasSize(10_000);
    assertThat(catalogue.objectives().get(9_999).kpis()).hasSize(6);
  }

  @Test
  void aFileOverTheLimitIsRefusedWithItsSizeBeforeItIsRead() throws IOException {
    String file = write("big.yaml", VALID + "# " + "x".repeat(2 * 1024 * 1024) + "\n");
    CatalogueLoader small = new CatalogueLoader(new org.springframework.core.io.DefaultResourceLoader(), 1024 * 1024);
    assertThatThrownBy(() -> small.load(file, List.of()))
        .hasMessageContaining("it is 2.0 MB, over the limit of 1.0 MB for a catalogue or history file");
    assertThat(CatalogueLoader.MAX_FILE_BYTES).isEqualTo(64L * 1024 * 1024);
  }
}
