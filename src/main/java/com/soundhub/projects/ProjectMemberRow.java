package com.soundhub.projects;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of project_members, mapped only so that queries over projects can join it. */
@Entity
@Table(name = "project_members")
@IdClass(ProjectMemberRow.Key.class)
class ProjectMemberRow {

    @Id
    @Column(name = "project_id")
    long projectId;

    @Id
    @Column(name = "member_id")
    long memberId;

    /** The composite key. */
    static class Key implements Serializable {
        long projectId;
        long memberId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.projectId == projectId && key.memberId == memberId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(projectId) * 31 + Long.hashCode(memberId);
        }
    }
}
