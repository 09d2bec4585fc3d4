package com.fmugateway.adapter.in.portal.model;

import com.fmugateway.adapter.in.portal.security.PortalUser;
import com.fmugateway.domain.fmu.model.FmuId;
import com.fmugateway.domain.fmu.model.InvalidFmuException;
import com.fmugateway.domain.fmu.model.UploadTooLargeException;
import com.fmugateway.domain.fmu.port.in.GetFmuQuery;
import com.fmugateway.domain.fmu.port.in.ListFmusQuery;
import com.fmugateway.domain.fmu.port.in.ListLibraryQuery;
import com.fmugateway.domain.fmu.port.in.UploadFmuCommand;
import com.fmugateway.domain.fmu.port.in.UploadFmuUseCase;
import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.PageRequest;
import java.nio.ByteBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Models: the library, the customer's uploads, an upload form and each model's variables. */
@Controller
class ModelsController {

  private final ListLibraryQuery library;
  private final GetFmuQuery fmus;
  private final UploadFmuUseCase upload;
  private final ListFmusQuery uploads;

  ModelsController(
      ListLibraryQuery library, GetFmuQuery fmus, UploadFmuUseCase upload, ListFmusQuery uploads) {
    this.library = library;
    this.fmus = fmus;
    this.upload = upload;
    this.uploads = uploads;
  }

  @GetMapping("/portal/models")
  Mono<String> models(
      @AuthenticationPrincipal PortalUser user,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    return page(user, pageNumber(page), model);
  }

  @PostMapping("/portal/models")
  Mono<String> upload(
      @AuthenticationPrincipal PortalUser user,
      @RequestPart(name = "file", required = false) FilePart file,
      Model model) {
    if (file == null || file.filename().isBlank()) {
      model.addAttribute("uploadError", "Choose an .fmu file to upload.");
      return page(user, 1, model);
    }
    return upload
        .upload(new UploadFmuCommand(user.accountId(), bytesOf(file)))
        .map(fmu -> "redirect:/portal/models/" + fmu.artifact().id().value())
        .onErrorResume(
            e -> e instanceof InvalidFmuException || e instanceof UploadTooLargeException,
            e -> {
              model.addAttribute("uploadError", e.getMessage());
              model.addAttribute("uploadName", file.filename());
              return page(user, 1, model);
            });
  }

  @GetMapping("/portal/models/{id}")
  Mono<String> model(
      @AuthenticationPrincipal PortalUser user, @PathVariable String id, Model model) {
    return fmus.fmu(user.accountId(), new FmuId(id))
        .map(
            fmu -> {
              model.addAttribute("fmu", ModelView.of(fmu));
              return "model/detail";
            })
        .onErrorMap(
            NotFoundException.class,
            e -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
  }

  private Mono<String> page(PortalUser user, int page, Model model) {
    return Mono.zip(
            library.library("").collectList(),
            uploads.fmus(user.accountId(), new PageRequest(page, PageRequest.DEFAULT_SIZE), false))
        .map(
            found -> {
              model.addAttribute(
                  "library", found.getT1().stream().map(LibraryEntryView::of).toList());
              model.addAttribute(
                  "uploads", found.getT2().items().stream().map(UploadView::of).toList());
              model.addAttribute("uploadsPage", page);
              model.addAttribute("uploadsMore", found.getT2().hasNext());
              return "model/list";
            });
  }

  /** A page number from the address; anything that is not one shows the first page. */
  private static int pageNumber(String text) {
    try {
      return text == null ? 1 : Math.max(1, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

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
