package com.fmugateway.adapter.in.portal.error;

import com.fmugateway.domain.shared.model.NotFoundException;
import com.fmugateway.domain.shared.model.StoreUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Errors on portal pages as pages in the portal's look: 403 for a customer on an operator page, 404
 * for a page that does not exist, 503 while the database cannot be reached, and 500 with an error
 * id (the details go to the log, never to the browser). API paths, and clients that do not ask for
 * HTML, are left to the API's problem+json handler.
 */
public final class PortalErrorPages implements WebExceptionHandler, ServerAccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(PortalErrorPages.class);

  private static final String RETRY_AFTER_SECONDS = "5";

  private final ServerResponse.Context context;

  public PortalErrorPages(ServerCodecConfigurer codecs, List<ViewResolver> viewResolvers) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    List<ViewResolver> resolvers = List.copyOf(viewResolvers);
    this.context =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return resolvers;
          }
        };
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return render(exchange, HttpStatus.FORBIDDEN, null);
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    if (!isPortalPage(exchange) || exchange.getResponse().isCommitted()) {
      return Mono.error(ex);
    }
    HttpStatusCode status = statusOf(ex);
    String errorId = null;
    if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
      log.warn("Portal page {}: database unreachable", exchange.getRequest().getPath());
    } else if (status.is5xxServerError()) {
      errorId = UUID.randomUUID().toString();
      log.error(
          "Unhandled error {} on portal page {}", errorId, exchange.getRequest().getPath(), ex);
    }
    return render(exchange, status, errorId);
  }

  private Mono<Void> render(ServerWebExchange exchange, HttpStatusCode status, String errorId) {
    int code = status.value();
    String kind =
        code == 403 || code == 404 || code == 503
            ? String.valueOf(code)
            : code >= 500 ? "500" : "400";
    Map<String, Object> model =
        errorId == null
            ? Map.of("status", code, "kind", kind)
            : Map.of("status", code, "kind", kind, "errorId", errorId);
    return ServerResponse.status(status)
        .headers(
            headers -> {
              if (code == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
              }
            })
        .contentType(MediaType.TEXT_HTML)
        .render("error/page", model)
        .flatMap(response -> response.writeTo(exchange, context));
  }

  private static HttpStatusCode statusOf(Throwable ex) {
    for (Throwable e = ex; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof StoreUnavailableException) {
        return HttpStatus.SERVICE_UNAVAILABLE;
      }
    }
    if (ex instanceof ResponseStatusException status) {
      return status.getStatusCode();
    }
    if (ex instanceof NotFoundException) {
      return HttpStatus.NOT_FOUND;
    }
    if (ex instanceof AccessDeniedException) {
      return HttpStatus.FORBIDDEN;
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }

  /** A portal path asked for by a browser (HTML accepted, or no preference stated). */
  private static boolean isPortalPage(ServerWebExchange exchange) {
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    boolean portal = path.equals("/") || path.equals("/portal") || path.startsWith("/portal/");
    if (!portal) {
      return false;
    }
    List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
    return accepted.isEmpty()
        || accepted.stream()
            .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
  }
}
