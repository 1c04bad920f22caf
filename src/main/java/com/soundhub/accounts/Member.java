package com.soundhub.accounts;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.soundhub.taxonomy.Genre;
import com.soundhub.taxonomy.Instrument;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A SoundHub member. */
@Entity
@Table(name = "members")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** None once the member deleted their account, so the address can sign up again. */
    @Column(length = 254)
    private String email;

    @Column(nullable = false, length = 30)
    private String nickname;

    /** What the nickname looks like (see {@link LookAlikeNicknames}); unique, so look-alikes cannot both exist. */
    @Column(name = "nickname_skeleton")
    private String nicknameSkeleton;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role = Role.USER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MemberStatus status = MemberStatus.ACTIVE;

    /** Why an admin suspended the member, shown to them when they try to sign in. */
    @Column(name = "suspension_reason", length = 500)
    private String suspensionReason;

    @Column(nullable = false, length = 2000)
    private String bio = "";

    @Column(name = "avatar_key", length = 300)
    private String avatarKey;

    @Column(name = "banner_key", length = 300)
    private String bannerKey;

    /** Goes up with every new picture, so that picture URLs can be cached for good. */
    @Column(name = "images_version", nullable = false)
    private int imagesVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    /** When the member followed the link mailed to their address; until then they browse and listen only. */
    @Column(name = "email_confirmed_at")
    private Instant emailConfirmedAt;

    @ManyToMany
    @JoinTable(name = "member_favourite_genres",
            joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "genre_id"))
    @OrderBy("position")
    private Set<Genre> favouriteGenres = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "member_favourite_instruments",
            joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "instrument_id"))
    @OrderBy("position")
    private Set<Instrument> favouriteInstruments = new LinkedHashSet<>();

    /** What stands in the password column of an account nobody can sign in to with a password. */
    static final String NO_PASSWORD = "!";

    protected Member() {
    }

    public Member(String email, String nickname, String passwordHash, Instant now) {
        this.email = email;
        this.nickname = nickname;
        this.nicknameSkeleton = LookAlikeNicknames.skeleton(nickname);
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getNickname() {
        return nickname;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public MemberStatus getStatus() {
        return status;
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }

    public String getBio() {
        return bio;
    }

    public String getAvatarKey() {
        return avatarKey;
    }

    public String getBannerKey() {
        return bannerKey;
    }

    public boolean isHasAvatar() {
        return avatarKey != null;
    }

    public boolean isHasBanner() {
        return bannerKey != null;
    }

    public int getImagesVersion() {
        return imagesVersion;
    }

    /** A new avatar or banner was stored under {@code key}; returns the key it replaces, if any. */
    public String replaceImage(boolean banner, String key) {
        String previous = banner ? bannerKey : avatarKey;
        if (banner) {
            bannerKey = key;
        } else {
            avatarKey = key;
        }
        imagesVersion++;
        return previous;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Set<Genre> getFavouriteGenres() {
        return favouriteGenres;
    }

    public Set<Instrument> getFavouriteInstruments() {
        return favouriteInstruments;
    }

    void changeEmail(String newEmail) {
        this.email = newEmail;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmedAt != null;
    }

    void confirmEmail(Instant now) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = now;
        }
    }

    /** Members who signed up through an identity provider may have no password of their own. */
    public boolean isHasPassword() {
        return !passwordHash.startsWith(NO_PASSWORD);
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
    }

    void rehashPassword(String newHash) {
        this.passwordHash = newHash;
    }

    void updateProfile(String newNickname, String newBio, Set<Genre> genres, Set<Instrument> instruments) {
        // An unchanged nickname keeps its skeleton, even none: a look-alike from before the rule may still edit its bio.
        if (!newNickname.equals(this.nickname)) {
            this.nicknameSkeleton = LookAlikeNicknames.skeleton(newNickname);
        }
        this.nickname = newNickname;
        this.bio = newBio;
        this.favouriteGenres.clear();
        this.favouriteGenres.addAll(genres);
        this.favouriteInstruments.clear();
        this.favouriteInstruments.addAll(instruments);
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }

    /** Suspends the member for {@code reason}, or lifts the suspension when it is null. */
    public void suspend(String reason) {
        this.status = reason == null ? MemberStatus.ACTIVE : MemberStatus.SUSPENDED;
        this.suspensionReason = reason;
    }

    public void setStatus(MemberStatus status) {
        this.status = status;
    }

    /**
     * Turns the account into what remains of a deleted member: no email, password, profile or
     * pictures, and a nickname that only says a former member was here. The row stays so that
     * what others made with them keeps its history.
     */
    void anonymise(Instant now) {
        email = null;
        nickname = AccountDeletion.FORMER_MEMBER + id;
        nicknameSkeleton = null;
        passwordHash = NO_PASSWORD;
        role = Role.USER;
        status = MemberStatus.DELETED;
        suspensionReason = null;
        bio = "";
        avatarKey = null;
        bannerKey = null;
        imagesVersion++;
        favouriteGenres.clear();
        favouriteInstruments.clear();
        deletedAt = now;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }
}
