package dev.restock.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, version and HTTP Basic security scheme, applied to every path. */
@Configuration
public class OpenApiConfig {
  /** The security scheme's name in the document. */
  public static final String BASIC = "basic";

  /** The document's description: "Restock API", HTTP Basic on every operation. */
  @Bean
  public OpenAPI restockOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Restock API").version("0.1")
            .description("Vending route operations: catalogue, fleet, planograms, pick lists, "
                + "service orders, stock, history and audit. Errors are RFC 9457 problem "
                + "documents with an 'errors' list of 'field: message' lines."))
        .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("An account of the web host (table web_account)")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
