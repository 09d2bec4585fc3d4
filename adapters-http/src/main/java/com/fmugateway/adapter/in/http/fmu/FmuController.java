package com.fmugateway.adapter.in.http.fmu;

import com.fmugateway.domain.account.model.AuthenticatedAccount;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import com.fmugateway.domain.fmu.port.in.UploadFmuUseCase;
import com.fmugateway.domain.shared.model.InvalidInputException;
import com.fmugateway.domain.shared.model.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The model library, uploads, and what a model looks like inside. */
@RestController
@Tag(name = "Models", description = "The built-in library and your uploaded FMUs")
class FmuController {

  private final UploadFmuUseCase upload;
  private final GetFmuQuery fmus;
  private final ListLibraryQuery library;
  private final ListFmusQuery list;

  FmuController(
      UploadFmuUseCase upload, GetFmuQuery fmus, ListLibraryQuery library, ListFmusQuery list) {
    this.upload = upload;
    this.fmus = fmus;
    this.library = library;
    this.list = list;
  }

  @GetMapping("/fmus")
  @Operation(
      summary = "The FMUs you may run: your uploads, newest first, then the library",
      description =
          "Paged: `page` from 1, `size` 1 to 100 (default 20); `has_more` says whether another"
              + " page follows. Library models are marked `built_in`; `library=false` lists your"
              + " uploads only.")
  Mono<FmuPageResponse> list(
      @AuthenticationPrincipal AuthenticatedAccount caller,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(defaultValue = "true") String library) {
    return Mono.fromCallable(
            () ->
                new PageRequest(
                    whole("page", page, 1), whole("size", size, PageRequest.DEFAULT_SIZE)))
        .flatMap(request -> list.fmus(caller.accountId(), request, flag("library", library)))
        .map(FmuPageResponse::from);
  }

  @GetMapping("/library")
  @Operation(summary = "Built-in models; `query` filters by name or description")
  Flux<LibraryEntryResponse> library(@RequestParam(required = false) String query) {
    return library.library(query).map(LibraryEntryResponse::from);
  }

  @PostMapping(value = "/fmus", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload an FMI 2.0 FMU (multipart field `file`)",
      description =
          "Streamed to storage and validated: zip safety, modelDescription.xml, FMI version and an"
              + " x86_64 Linux binary. The same bytes uploaded twice give the same record.")
  Mono<FmuResponse> upload(
      @AuthenticationPrincipal AuthenticatedAccount caller, @RequestPart("file") FilePart file) {
    return upload
        .upload(new UploadFmuCommand(caller.accountId(), bytesOf(file)))
        .map(FmuResponse::from);
  }

  @GetMapping("/fmus/{id}")
  @Operation(summary = "An FMU you uploaded, or a library model (lib:<Name>)")
  Mono<FmuResponse> fmu(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable String id) {
    return fmus.fmu(caller.accountId(), new FmuId(id)).map(FmuResponse::from);
  }

  @GetMapping("/fmus/{id}/variables")
  @Operation(summary = "The model's variables with type, causality, variability, start and unit")
  Flux<VariableResponse> variables(
      @AuthenticationPrincipal AuthenticatedAccount caller, @PathVariable String id) {
    return fmus.fmu(caller.accountId(), new FmuId(id))
        .flatMapIterable(fmu -> fmu.description().variables())
        .map(VariableResponse::from);
  }

  private static int whole(String field, String text, int otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "must be a whole number, not '" + text + "'");
    }
  }

  private static boolean flag(String field, String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new InvalidInputException(field, "must be true or false, not '" + text + "'");
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
