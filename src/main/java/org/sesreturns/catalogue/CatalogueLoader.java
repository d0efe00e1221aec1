package org.sesreturns.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a catalogue and its history files and checks them whole, so that a wrong file stops
 * start-up with the file, the place (a path such as {@code objectives[2].kpis[0].type}) and the
 * problem, and nothing is half-loaded.
 */
public final class CatalogueLoader {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern PERSON_ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final Set<String> POLARITIES = Set.of("higher-is-better", "lower-is-better");
  private static final Set<String> TARGET_BASES = Set.of("annual-cumulative", "quarter", "point-in-time");
  private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  /** WCAG AA for text: the pack prints white text on the strategy's colour. */
  private static final double MIN_CONTRAST = 4.5;
  static final int MAX_LOGO_BYTES = 512 * 1024;

  /**
   * The largest catalogue or history file read: 64 MiB. A national programme's catalogue of
   * 10,000 objectives with six KPIs each is about 3.5 MB (SnakeYAML's own default, 3 MB, refused
   * it); a file past the limit is refused with its size and the limit, before it is parsed.
   */
  public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final YAMLMapper yaml;
  private final ResourceLoader resources;
  private final long maxFileBytes;

  public CatalogueLoader() {
    this(new DefaultResourceLoader());
  }

  public CatalogueLoader(ResourceLoader resources) {
    this(resources, MAX_FILE_BYTES);
  }

  CatalogueLoader(ResourceLoader resources, long maxFileBytes) {
    this.resources = resources;
    this.maxFileBytes = maxFileBytes;
    LoaderOptions options = new LoaderOptions();
    // counted in characters; never more than the file's bytes, which are checked first
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxFileBytes));
    this.yaml = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
  }

  /** Loads from locations: {@code classpath:...}, {@code file:...} or a plain file path. */
  public Catalogue load(String catalogueLocation, List<String> historyLocations) {
    Catalogue catalogue = catalogue(catalogueLocation, read(catalogueLocation));
    List<Catalogue.HistoryPeriod> history = new ArrayList<>();
    Set<Period> periods = new HashSet<>();
    for (String location : historyLocations) {
      Catalogue.HistoryPeriod period = history(location, read(location), catalogue);
      if (!periods.add(period.period())) {
        throw new CatalogueException(location, "period", "period " + period.period() + " is in two history files");
      }
      history.add(period);
    }
    return new Catalogue(catalogue.strategy(), catalogue.people(), catalogue.coordinators(),
        catalogue.board(), catalogue.objectives(), List.copyOf(history));
  }

  private JsonNode read(String location) {
    Resource resource = resource(location);
    if (!resource.exists()) {
      throw new CatalogueException(location, "the file", "it does not exist");
    }
    try {
      long size = resource.contentLength();
      if (size > maxFileBytes) {
        throw new CatalogueException(location, "the file", "it is " + megabytes(size) + " MB, over the limit of "
            + megabytes(maxFileBytes) + " MB for a catalogue or history file");
      }
    } catch (IOException sizeUnknown) {
      // a resource that cannot say its size is still bounded by the parser's limit below
    }
    try (InputStream in = resource.getInputStream()) {
      JsonNode root = yaml.readTree(in);
      if (root == null || !root.isObject()) {
        throw new CatalogueException(location, "the top", "the file is empty or not a YAML mapping");
      }
      return root;
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new CatalogueException(location,
          where == null ? "the file" : "line " + where.getLineNr() + ", column " + where.getColumnNr(),
          "it is not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CatalogueException(location, "the file", "it cannot be read: " + e.getMessage());
    }
  }

  /** A plain path is a file; {@code classpath:} and {@code file:} locations are taken as they are. */
  private Resource resource(String location) {
    return resources.getResource(
        location.startsWith("classpath:") || location.startsWith("file:") ? location : "file:" + location);
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  private Catalogue catalogue(String file, JsonNode root) {
    Node top = new Node(file, "", root);
    Node strategyNode = top.object("strategy");
    String monthWord = strategyNode.optionalText("financial-year-start");
    Month start = Month.APRIL;
    if (monthWord != null) {
      try {
        start = Month.valueOf(monthWord.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw strategyNode.child("financial-year-start").problem("'" + monthWord + "' is not a month name");
      }
    }
    var strategy = new Catalogue.Strategy(
        strategyNode.slug("id"), strategyNode.text("title"), strategyNode.text("board"), start, branding(file, strategyNode));

    Map<String, Catalogue.Person> people = new LinkedHashMap<>();
    for (Node p : top.list("people")) {
      String id = p.text("id");
      if (!PERSON_ID.matcher(id).matches()) {
        throw p.child("id").problem("'" + id + "' is not a login name (a-z, 0-9, '.' and '-')");
      }
      if (people.containsKey(id)) {
        throw p.child("id").problem("duplicate person id '" + id + "'");
      }
      String email = p.text("email");
      if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw p.child("email").problem("'" + email + "' is not an e-mail address");
      }
      people.put(id, new Catalogue.Person(id, p.text("name"), email));
    }

    Node roles = top.object("roles");
    List<String> coordinators = personList(roles, "coordinators", people);
    if (coordinators.isEmpty()) {
      throw roles.child("coordinators").problem("at least one coordinator is needed");
    }
    List<String> board = roles.has("board") ? personList(roles, "board", people) : List.of();

    List<Catalogue.Objective> objectives = new ArrayList<>();
    Set<String> objectiveIds = new HashSet<>();
    for (Node o : top.list("objectives")) {
      String id = o.slug("id");
      if (!objectiveIds.add(id)) {
        throw o.child("id").problem("duplicate objective id '" + id + "'");
      }
      String sesLead = personRef(o, "ses-lead", people);
      String projectLead = personRef(o, "project-lead", people);
      if (projectLead.equals(sesLead)) {
        // the return's sign-off exists so that the one who reports is not the one who approves
        throw o.child("project-lead").problem("'" + projectLead + "' is also the objective's ses-lead:"
            + " nobody signs off their own return");
      }
      List<Catalogue.Kpi> kpis = new ArrayList<>();
      Set<String> kpiIds = new HashSet<>();
      for (Node k : o.has("kpis") ? o.list("kpis") : List.<Node>of()) {
        String kpiId = k.slug("id");
        if (!kpiIds.add(kpiId)) {
          throw k.child("id").problem("duplicate KPI id '" + kpiId + "' in objective '" + id + "'");
        }
        kpis.add(kpi(k));
      }
      objectives.add(new Catalogue.Objective(id, o.text("title"), sesLead, projectLead, List.copyOf(kpis)));
    }
    if (objectives.isEmpty()) {
      throw top.child("objectives").problem("the catalogue has no objectives");
    }
    return new Catalogue(strategy, Map.copyOf(people), coordinators, board, List.copyOf(objectives), List.of());
  }

  /** The strategy's optional organisation, colour and logo (a file beside the catalogue). */
  private Catalogue.Branding branding(String file, Node strategy) {
    String organisation = strategy.optionalText("organisation");
    String colour = strategy.optionalText("colour");
    if (colour == null) {
      colour = Catalogue.Branding.DEFAULT_COLOUR;
    } else if (!HEX_COLOUR.matcher(colour).matches()) {
      throw strategy.child("colour").problem("'" + colour + "' is not a colour written as #rrggbb (such as #00539f)");
    } else {
      double contrast = contrastWithWhite(colour);
      if (contrast < MIN_CONTRAST) {
        throw strategy.child("colour").problem(String.format(Locale.ROOT, "'%s' is too light for the white text the"
            + " pack prints on it (contrast %.1f:1, at least %.1f:1 is needed): choose a darker shade", colour,
            contrast, MIN_CONTRAST));
      }
      colour = colour.toLowerCase(Locale.ROOT);
    }
    String logoName = strategy.optionalText("logo");
    Catalogue.Logo logo = logoName == null ? null : logo(file, logoName, strategy.child("logo"));
    return new Catalogue.Branding(organisation, colour, logo);
  }

  /** WCAG's contrast ratio of white text on the colour. */
  static double contrastWithWhite(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    return 1.05 / (luminance + 0.05);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  /** The logo file, beside the catalogue: a PNG or JPEG of at most {@value #MAX_LOGO_BYTES} bytes. */
  private Catalogue.Logo logo(String file, String name, Node where) {
    if (name.contains("..") || name.startsWith("/") || name.contains(":") || name.contains("\\")) {
      throw where.problem("'" + name + "' must be a file name beside the catalogue (or under its folder)");
    }
    byte[] bytes;
    try {
      Resource logo = resource(file).createRelative(name);
      if (!logo.exists()) {
        throw where.problem("the logo '" + name + "' is not beside the catalogue");
      }
      try (InputStream in = logo.getInputStream()) {
        bytes = in.readNBytes(MAX_LOGO_BYTES + 1);
      }
    } catch (IOException e) {
      throw where.problem("the logo '" + name + "' cannot be read: " + e.getMessage());
    }
    if (bytes.length > MAX_LOGO_BYTES) {
      throw where.problem("the logo '" + name + "' is over " + MAX_LOGO_BYTES / 1024 + " KB: a logo for print is far smaller");
    }
    String type = bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G'
        ? "image/png" : bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 ? "image/jpeg" : null;
    java.awt.image.BufferedImage image = null;
    try {
      image = type == null ? null : javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException unreadable) {
      // answered below, as for any file that is not a picture
    }
    if (image == null) {
      throw where.problem("the logo '" + name + "' is not a PNG or JPEG picture (Word and the PDF print those)");
    }
    return new Catalogue.Logo(type, bytes, image.getWidth(), image.getHeight());
  }

  private Catalogue.Kpi kpi(Node k) {
    String typeWord = k.text("type");
    KpiType type = KpiType.of(typeWord).orElseThrow(() -> k.child("type").problem(
        "unknown KPI type '" + typeWord + "' (one of count, percentage, currency, yes-no, milestone, trend, narrative)"));
    String target = k.optionalText("target");
    if (target != null && target.equalsIgnoreCase(KpiType.NOT_APPLICABLE)) {
      target = null;
    }
    type.targetProblem(target).ifPresent(p -> {
      throw k.child("target").problem(p);
    });
    String polarity = k.optionalText("polarity");
    if (polarity != null && !POLARITIES.contains(polarity)) {
      throw k.child("polarity").problem("'" + polarity + "' is not higher-is-better or lower-is-better");
    }
    String basis = k.optionalText("target-basis");
    if (basis != null && !TARGET_BASES.contains(basis)) {
      throw k.child("target-basis").problem("'" + basis + "' is not annual-cumulative, quarter or point-in-time");
    }
    return new Catalogue.Kpi(k.slug("id"), k.text("title"), type, target, k.optionalText("unit"),
        polarity == null && type.numeric() ? "higher-is-better" : polarity,
        basis == null && type.numeric() ? "annual-cumulative" : basis,
        k.optionalText("tolerance"), k.optionalText("baseline"), k.optionalText("notes"));
  }

  private Catalogue.HistoryPeriod history(String file, JsonNode root, Catalogue catalogue) {
    Node top = new Node(file, "", root);
    Period period;
    try {
      period = Period.parse(top.text("period"));
    } catch (IllegalArgumentException e) {
      throw top.child("period").problem(e.getMessage());
    }
    List<Catalogue.HistoricReturn> returns = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Node r : top.list("returns")) {
      String objectiveId = r.text("objective");
      Catalogue.Objective objective = catalogue.objective(objectiveId).orElseThrow(
          () -> r.child("objective").problem("objective '" + objectiveId + "' is not in the catalogue"));
      if (!seen.add(objectiveId)) {
        throw r.child("objective").problem("objective '" + objectiveId + "' has two returns");
      }
      List<Catalogue.HistoricKpi> kpis = new ArrayList<>();
      for (Node k : r.has("kpis") ? r.list("kpis") : List.<Node>of()) {
        String kpiId = k.text("kpi");
        if (objective.kpi(kpiId).isEmpty()) {
          throw k.child("kpi").problem("KPI '" + kpiId + "' is not in objective '" + objectiveId + "' of the catalogue");
        }
        kpis.add(new Catalogue.HistoricKpi(kpiId, k.optionalText("target"), k.optionalText("achieved"),
            k.status("status", Status::of, "green, amber, red or none"), k.optionalText("progress")));
      }
      returns.add(new Catalogue.HistoricReturn(objectiveId,
          r.has("previous-status") ? r.status("previous-status", Status::overall, "green, amber or red") : null,
          r.status("overall-status", Status::overall, "green, amber or red"),
          List.copyOf(kpis), r.optionalText("commentary")));
    }
    return new Catalogue.HistoryPeriod(period, List.copyOf(returns));
  }

  private static List<String> personList(Node parent, String field, Map<String, Catalogue.Person> people) {
    List<String> ids = new ArrayList<>();
    for (Node n : parent.list(field)) {
      String id = n.scalar();
      if (!people.containsKey(id)) {
        throw n.problem("unknown person '" + id + "' (not in people)");
      }
      ids.add(id);
    }
    return List.copyOf(ids);
  }

  private static String personRef(Node parent, String field, Map<String, Catalogue.Person> people) {
    String id = parent.text(field);
    if (!people.containsKey(id)) {
      throw parent.child(field).problem("unknown person '" + id + "' (not in people)");
    }
    return id;
  }

  /** A place in a YAML tree that knows its path, so every problem can say where it is. */
  private record Node(String file, String path, JsonNode value) {

    Node child(String field) {
      return new Node(file, path.isEmpty() ? field : path + "." + field, value.path(field));
    }

    boolean has(String field) {
      return value.hasNonNull(field);
    }

    CatalogueException problem(String problem) {
      return new CatalogueException(file, path.isEmpty() ? "the top" : path, problem);
    }

    Node object(String field) {
      Node child = child(field);
      if (!child.value.isObject()) {
        throw child.problem(child.value.isMissingNode() ? "is missing" : "must be a mapping");
      }
      return child;
    }

    List<Node> list(String field) {
      Node child = child(field);
      if (!child.value.isArray()) {
        throw child.problem(child.value.isMissingNode() || child.value.isNull() ? "is missing" : "must be a list");
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < child.value.size(); i++) {
        items.add(new Node(file, child.path + "[" + i + "]", child.value.get(i)));
      }
      return items;
    }

    String scalar() {
      if (!value.isValueNode() || value.isNull()) {
        throw problem(value.isMissingNode() || value.isNull() ? "is missing" : "must be a single value");
      }
      return value.asText().strip();
    }

    String text(String field) {
      String text = child(field).scalar();
      if (text.isEmpty()) {
        throw child(field).problem("is empty");
      }
      return text;
    }

    String optionalText(String field) {
      return has(field) ? child(field).scalar() : null;
    }

    String slug(String field) {
      String text = text(field);
      if (!SLUG.matcher(text).matches()) {
        throw child(field).problem("'" + text + "' is not a slug (a-z, 0-9 and '-')");
      }
      return text;
    }

    Status status(String field, java.util.function.Function<String, java.util.Optional<Status>> parse, String allowed) {
      String word = text(field);
      return parse.apply(word).orElseThrow(
          () -> child(field).problem("'" + word + "' is not a status (" + allowed + ")"));
    }
  }
}
