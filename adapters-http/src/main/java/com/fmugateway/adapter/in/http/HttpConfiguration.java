package com.fmugateway.adapter.in.http;

import com.fmugateway.adapter.in.http.docs.ApiModelResolver;
import com.fmugateway.adapter.in.http.limit.RateLimitFilter;
import com.fmugateway.adapter.in.http.problem.CloseAfterRefusedBody;
import com.fmugateway.adapter.in.http.problem.DecoderFailureProblems;
import com.fmugateway.adapter.in.http.problem.Problem;
import com.fmugateway.adapter.in.http.problem.ProblemExceptionHandler;
import com.fmugateway.adapter.in.http.problem.ProblemWriter;
import com.fmugateway.adapter.in.http.security.ApiSecurity;
import com.fmugateway.domain.account.port.in.AuthenticateApiKeyQuery;
import com.fmugateway.domain.account.port.in.EnforceRateLimitUseCase;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** The REST adapter: controllers (scanned in this package only), security and error rendering. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@ComponentScan(basePackageClasses = HttpConfiguration.class)
public class HttpConfiguration {

  static final String BEARER = "apiKey";

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  /** Ahead of Spring Boot's default error handler (order -1), so errors are problem+json. */
  @Bean
  @Order(-2)
  ProblemExceptionHandler problemExceptionHandler(ProblemWriter writer) {
    return new ProblemExceptionHandler(writer);
  }

  /**
   * Requests Spring Security's firewall refuses (an encoded {@code ..} or slash in the path, a
   * control character in a header) get problem+json too, not an empty 400.
   */
  @Bean
  ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemWriter problems) {
    return (exchange, rejected) ->
        problems.write(
            exchange,
            Problem.of(
                HttpStatus.BAD_REQUEST,
                "the request was refused: its path or headers hold a sequence the gateway does not"
                    + " accept (an encoded dot, slash, backslash or percent sign, a double slash, or"
                    + " a control character)"));
  }

  /** Netty's own refusals (414, 431, unparseable requests) answered in problem+json. */
  @Bean
  NettyServerCustomizer problemOnDecoderFailure() {
    DecoderFailureProblems problems = new DecoderFailureProblems();
    return server ->
        server.doOnChannelInit(
            (observer, channel, address) -> {
              if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "fmugw.problemJson", problems);
              }
            });
  }

  /** First of all, so every refusal of a request with a body, the security chain's too, closes. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CloseAfterRefusedBody closeAfterRefusedBody() {
    return new CloseAfterRefusedBody();
  }

  /** Runs after the security filter chain (order -100), so the caller is known. */
  @Bean
  @Order(0)
  RateLimitFilter rateLimitFilter(EnforceRateLimitUseCase limits, ProblemWriter problems) {
    return new RateLimitFilter(limits, problems);
  }

  /** {@code FMUGW_METRICS_TOKEN}, when set, lets a scraper read {@code /metrics} with it. */
  @Bean
  SecurityWebFilterChain apiSecurity(
      ServerHttpSecurity http,
      AuthenticateApiKeyQuery query,
      ProblemWriter problems,
      @Value("${fmugw.metrics.token:}") String metricsToken) {
    return ApiSecurity.chain(http, query, problems, Optional.of(metricsToken));
  }

  /** First of the model converters, so it takes the default resolver's place in the chain. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ModelResolver apiModelResolver() {
    return ApiModelResolver.create();
  }

  @Bean
  OpenAPI fmuGatewayOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("FMU Gateway API")
                .version("v1")
                .description(
                    "Run FMI simulations over HTTP and pay per run. Get a key with POST /keys,"
                        + " then send it as 'Authorization: Bearer <key>'. Errors are RFC 9457"
                        + " problem+json documents naming the offending field."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("fmugw_…")
                        .description(
                            "An API key from POST /keys, /signup or /login, sent as"
                                + " 'Authorization: Bearer <key>'")))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
