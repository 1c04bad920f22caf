package com.soundhub.accounts;

import jakarta.mvc.binding.MvcBinding;
import jakarta.ws.rs.FormParam;

/** The nickname a person who came through an identity provider picks for their new account. */
public class ProviderNicknameForm {

    @FormParam("nickname")
    @MvcBinding
    @Nickname
    private String nickname;

    public String getNickname() {
        return nickname;
    }

    public void setNickname(String nickname) {
        this.nickname = nickname;
    }
}
