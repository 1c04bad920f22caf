package com.soundhub.projects;

/** A master as its page and its event stream ({@code static/js/progress.js}) show it. */
public record MasterStatus(String id, String state, String label, int percent, String reason, boolean finished) {

    static MasterStatus of(MasterRepository.Master master) {
        return new MasterStatus(master.id().toString(), master.state().name(), master.state().getLabel(), master.percent(),
                master.note(), master.state().isFinished());
    }
}
