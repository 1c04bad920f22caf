package com.soundhub.demo;

import java.util.List;

import com.soundhub.accounts.AccountService;
import com.soundhub.accounts.EmailConfirmations;
import com.soundhub.accounts.Member;
import com.soundhub.accounts.Role;
import com.soundhub.generator.GeneratorService;
import com.soundhub.generator.composition.CompositionRequest;
import com.soundhub.generator.composition.Genre;
import com.soundhub.generator.composition.Mood;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Seeds demo members on the first start of an empty database, when enabled. */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DemoContent {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    /** Shared by every demo member, printed by the local launcher. */
    public static final String DEMO_PASSWORD = "listen-to-this";

    record DemoMember(String email, String nickname, Role role) {
    }

    static final List<DemoMember> MEMBERS = List.of(
            new DemoMember("admin@soundhub.local", "admin", Role.ADMIN),
            new DemoMember("mina@soundhub.local", "mina", Role.USER),
            new DemoMember("jun@soundhub.local", "jun", Role.USER),
            new DemoMember("sora@soundhub.local", "sora", Role.USER));

    @Inject
    @ConfigProperty(name = "soundhub.demo-content", defaultValue = "false")
    boolean enabled;

    @Inject
    AccountService accounts;

    @Inject
    EmailConfirmations emailConfirmations;

    @Inject
    GeneratorService generator;

    /** A few generated pieces, made by the job queue in the first minute, so there is music to play at once. */
    static final List<CompositionRequest> PIECES = List.of(
            new CompositionRequest(Genre.LOFI_HIP_HOP, Mood.CALM, 84, 75, 20261122L),
            new CompositionRequest(Genre.BOSSA_NOVA, Mood.HAPPY, 126, 60, 7L),
            new CompositionRequest(Genre.JAZZ, Mood.DREAMY, 104, 60, 1959L),
            new CompositionRequest(Genre.HOUSE, Mood.ENERGETIC, 124, 60, 303L));

    @PostConstruct
    void seed() {
        if (!enabled || accounts.memberCount() > 0) {
            return;
        }
        List<Member> created = new java.util.ArrayList<>();
        for (DemoMember demo : MEMBERS) {
            Member member = accounts.signUp(demo.email(), demo.nickname(), DEMO_PASSWORD);
            emailConfirmations.confirmWithoutLink(member.getId());
            if (demo.role() == Role.ADMIN) {
                accounts.changeRole(member.getId(), Role.ADMIN);
            }
            created.add(member);
        }
        for (int i = 0; i < PIECES.size(); i++) {
            // The admin keeps to moderating; the others each make music.
            Member composer = created.get(1 + i % (created.size() - 1));
            generator.request(composer.getId(), PIECES.get(i), true);
        }
        log.info("Demo content created: {} members, {} generated pieces on their way", MEMBERS.size(), PIECES.size());
    }
}
