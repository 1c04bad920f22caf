package com.soundhub.accounts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

/**
 * The OpenID Connect providers people may sign in with, as the environment configures them:
 * {@code soundhub.oidc.providers} lists their ids, and for each id {@code soundhub.oidc.<id>.issuer},
 * {@code .client-id}, {@code .client-secret} and {@code .label} (the button's words), e.g.
 * {@code SOUNDHUB_OIDC_PROVIDERS=google} and {@code SOUNDHUB_OIDC_GOOGLE_ISSUER=https://accounts.google.com}.
 * A provider's discovery document and keys are fetched when first needed and kept, as they are
 * configuration rather than state. The sign-in page lists them as {@code identityProviders}.
 */
@Named("identityProviders")
@ApplicationScoped
public class IdentityProviders {

    /** One configured provider. */
    public record Provider(String id, String label, Issuer issuer, ClientID clientId, Secret clientSecret) {
        public String getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }
    }

    /** What the provider publishes, and the validator of its ID tokens. */
    record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {
    }

    @Inject
    Config config;

    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    public List<Provider> all() {
        List<Provider> providers = new ArrayList<>();
        String ids = config.getOptionalValue("soundhub.oidc.providers", String.class).orElse("");
        for (String id : Arrays.stream(ids.split(",")).map(String::strip).filter(s -> s.matches("[a-z0-9-]{1,40}")).toList()) {
            Optional<String> issuer = setting(id, "issuer");
            Optional<String> clientId = setting(id, "client-id");
            if (issuer.isEmpty() || clientId.isEmpty()) {
                continue;
            }
            providers.add(new Provider(id, setting(id, "label").orElse(id), new Issuer(issuer.get()), new ClientID(clientId.get()),
                    new Secret(setting(id, "client-secret").orElse(""))));
        }
        return providers;
    }

    public Optional<Provider> find(String id) {
        return all().stream().filter(provider -> provider.id().equals(id)).findFirst();
    }

    /** The provider's endpoints and ID token validator; {@link ProviderUnavailable} when it cannot be reached. */
    Discovered discover(Provider provider) {
        Discovered known = discovered.get(provider.id());
        if (known != null) {
            return known;
        }
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(provider.issuer(), 5000, 5000);
            // Any algorithm the provider says it signs with, with a key from its published set.
            Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null || metadata.getIDTokenJWSAlgs().isEmpty()
                    ? Set.of(JWSAlgorithm.RS256) : Set.copyOf(metadata.getIDTokenJWSAlgs());
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build();
            IDTokenValidator validator = new IDTokenValidator(provider.issuer(), provider.clientId(),
                    new JWSVerificationKeySelector<>(algorithms, keys), null);
            Discovered fresh = new Discovered(metadata, validator);
            discovered.put(provider.id(), fresh);
            return fresh;
        } catch (GeneralException | IOException | RuntimeException e) {
            throw new ProviderUnavailable(provider.label(), e);
        }
    }

    private Optional<String> setting(String id, String key) {
        return config.getOptionalValue("soundhub.oidc." + id + "." + key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The provider could not be reached or answered nonsense: the person tries again later or signs in otherwise. */
    static class ProviderUnavailable extends RuntimeException {
        ProviderUnavailable(String label, Exception cause) {
            super(label + " cannot be reached just now. Try again in a moment, or sign in with your password.", cause);
        }
    }
}
