package com.fmugateway.adapter.in.mcp;

import com.fmugateway.domain.fmu.model.FmuInterface;
import com.fmugateway.domain.fmu.model.FmuListing;
import com.fmugateway.domain.fmu.model.LibraryModel;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.shared.model.PageRequest;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code search_models}: the built-in library and the caller's own uploads, by name. */
final class SearchModelsTool implements GatewayTool {

  static final String NAME = "search_models";

  private final ListLibraryQuery library;
  private final ListFmusQuery uploads;

  SearchModelsTool(ListLibraryQuery library, ListFmusQuery uploads) {
    this.library = library;
    this.uploads = uploads;
  }

  @Override
  public McpSchema.Tool definition() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "query",
        Schemas.string(
            "Text the model's name (or, for library models, description) contains, any case."
                + " Omit to list everything."));
    properties.put("include_library", Schemas.bool("Search the built-in library; default true."));
    properties.put("include_uploads", Schemas.bool("Search your own uploaded FMUs; default true."));
    return McpSchema.Tool.builder(NAME)
        .title("Search models")
        .description(
            "Find FMU models you can simulate: the gateway's built-in library (ids like"
                + " lib:BouncingBall; msl:BouncingBall works too) and the FMUs your account uploaded"
                + " (your 100 newest). Returns each model's fmu_id, name, FMI version and"
                + " interfaces (cs = co-simulation, me = model exchange). Free. Next: describe_model"
                + " with an fmu_id to see its variables and defaults.")
        .inputSchema(Schemas.object(properties, List.of()))
        .annotations(readOnly("Search models"))
        .build();
  }

  @Override
  public Mono<ToolAnswer> call(Caller caller, Arguments args) {
    String query = args.optionalString("query").orElse("").strip();
    boolean withLibrary = args.optionalBoolean("include_library").orElse(true);
    boolean withUploads = args.optionalBoolean("include_uploads").orElse(true);
    Flux<Map<String, Object>> own =
        withUploads
            ? uploads
                .fmus(caller.account().accountId(), new PageRequest(1, PageRequest.MAX_SIZE), false)
                .flatMapIterable(page -> page.items())
                .filter(upload -> contains(upload.modelName(), query))
                .map(SearchModelsTool::upload)
            : Flux.empty();
    Flux<Map<String, Object>> builtIn =
        withLibrary ? library.library(query).map(SearchModelsTool::libraryModel) : Flux.empty();
    return own.concatWith(builtIn)
        .collectList()
        .map(
            models -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("count", models.size());
              body.put("models", models);
              body.put(
                  "next_step",
                  models.isEmpty()
                      ? "Nothing matched; search again with a shorter query, or none to list all."
                      : "Call describe_model with an fmu_id for its variables and defaults, or"
                          + " quote_simulation / simulate to run it.");
              return ToolAnswer.ok(body);
            });
  }

  private static boolean contains(String text, String query) {
    return query.isEmpty()
        || text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Object> upload(FmuListing listing) {
    Map<String, Object> model = listing(listing);
    listing.uploadedAt().ifPresent(at -> model.put("uploaded_at", at.toString()));
    return model;
  }

  private static Map<String, Object> libraryModel(LibraryModel entry) {
    Map<String, Object> model = listing(FmuListing.of(entry));
    entry.inspected().description().description().ifPresent(d -> model.put("description", d));
    return model;
  }

  private static Map<String, Object> listing(FmuListing listing) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("fmu_id", listing.id().value());
    model.put("model_name", listing.modelName());
    model.put("built_in", listing.builtIn());
    model.put("fmi_version", listing.fmiVersion());
    model.put("interfaces", listing.interfaces().stream().map(FmuInterface::code).toList());
    return model;
  }

  static McpSchema.ToolAnnotations readOnly(String title) {
    return McpSchema.ToolAnnotations.builder()
        .title(title)
        .readOnlyHint(true)
        .destructiveHint(false)
        .idempotentHint(true)
        .openWorldHint(false)
        .build();
  }
}
