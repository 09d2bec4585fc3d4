package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.adapter.in.http.docs.ProblemResponses;
import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.VariablePage;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.fmu.port.in.ListVariablesQuery;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import com.fmugateway.domain.fmu.port.in.UploadFmuUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The model library, uploads, and what a model looks like inside. */
@RestController
@Tag(name = "Models", description = "The built-in library and your uploaded FMUs")
class FmuController {

  /** How many variables the model declares in all, whatever the page. */
  static final String TOTAL_COUNT = "X-Total-Count";

  private final UploadFmuUseCase upload;
  private final GetFmuQuery fmus;
  private final ListLibraryQuery library;
  private final ListVariablesQuery variables;
  private final ListFmusQuery list;

  FmuController(
      UploadFmuUseCase upload,
      GetFmuQuery fmus,
      ListLibraryQuery library,
      ListVariablesQuery variables,
      ListFmusQuery list) {
    this.upload = upload;
    this.fmus = fmus;
    this.library = library;
    this.variables = variables;
    this.list = list;
  }

  @GetMapping("/fmus")
  @Operation(
      operationId = "listFmus",
      summary = "The FMUs you may run: your uploads, newest first, then the library",
      description =
          "Paged: `page` from 1, `size` 1 to 100 (default 20); `has_more` says whether another"
              + " page follows. Library models are marked `built_in`; `library=false` lists your"
              + " uploads only.")
  @ProblemResponses(400)
  Mono<FmuPageResponse> list(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestParam(defaultValue = "1") int page,
      @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
      @RequestParam(defaultValue = "true") boolean library) {
    return Mono.fromCallable(() -> new PageRequest(page, size))
        .flatMap(request -> list.fmus(caller.accountId(), request, library))
        .map(FmuPageResponse::from);
  }

  @GetMapping("/library")
  @Operation(
      operationId = "listLibrary",
      summary = "Built-in models; `query` filters by name or description")
  Flux<LibraryEntryResponse> library(@RequestParam(required = false) String query) {
    return library.library(query).map(LibraryEntryResponse::from);
  }

  @PostMapping(value = "/fmus", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "uploadFmu",
      summary = "Upload an FMI 2.0 FMU (multipart field `file`)",
      description =
          "Streamed to storage and validated: zip safety, modelDescription.xml, FMI version and an"
              + " x86_64 Linux binary. The same bytes uploaded twice give the same record.")
  @ProblemResponses({400, 413, 415, 422})
  Mono<FmuResponse> upload(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestPart("file") @Schema(type = "string", format = "binary") Part file) {
    if (!(file instanceof FilePart upload)) {
      // A plain form field named file: its text is not an archive, and it has no file name.
      return Mono.error(
          new InvalidInputException(
              "file", "must be a file part (Content-Disposition with a filename), not a field"));
    }
    return this.upload
        .upload(new UploadFmuCommand(caller.accountId(), bytesOf(upload)))
        .map(FmuResponse::from);
  }

  @GetMapping("/fmus/{id}")
  @Operation(
      operationId = "getFmu",
      summary = "An FMU you uploaded, or a library model (lib:<Name>)")
  @ProblemResponses(404)
  Mono<FmuResponse> fmu(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable String id) {
    return fmus.fmu(caller.accountId(), new FmuId(id)).map(FmuResponse::from);
  }

  @GetMapping("/fmus/{id}/variables")
  @Operation(
      operationId = "listVariables",
      summary = "The model's variables with type, causality, variability, start and unit",
      description =
          "A page at a time: `offset` (default 0) and `limit` (default 1000, at most 10000). The"
              + " body is the page's array; `X-Total-Count` says how many the model declares and,"
              + " when more follow, `Link: <…?offset=…&limit=…>; rel=\"next\"` where.")
  @ProblemResponses({400, 404})
  Mono<ResponseEntity<List<VariableResponse>>> variables(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @PathVariable String id,
      @RequestParam(name = "offset", defaultValue = "0") int offset,
      @RequestParam(name = "limit", defaultValue = "" + VariablePage.DEFAULT_LIMIT) int limit,
      ServerHttpRequest request) {
    return variables
        .variables(caller.accountId(), new FmuId(id), offset, limit)
        .map(page -> pageResponse(page, request));
  }

  private static ResponseEntity<List<VariableResponse>> pageResponse(
      VariablePage page, ServerHttpRequest request) {
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.ok().header(TOTAL_COUNT, Integer.toString(page.total()));
    if (page.hasNext()) {
      String next =
          UriComponentsBuilder.fromPath(request.getPath().value())
              .queryParam("offset", page.offset() + page.variables().size())
              .queryParam("limit", page.limit())
              .build()
              .toUriString();
      answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return answer.body(page.variables().stream().map(VariableResponse::from).toList());
  }

  /** Copies each chunk out of Netty's pooled buffer and releases it at once: nothing piles up. */
  private static Flux<ByteBuffer> bytesOf(FilePart file) {
    return file.content()
        .map(
            buffer -> {
              try {
                ByteBuffer copy = ByteBuffer.allocate(buffer.readableByteCount());
                buffer.toByteBuffer(copy);
                return copy;
              } finally {
                DataBufferUtils.release(buffer);
              }
            });
  }
}
