/**
 * The catalogue read model: lists of listed recordings for feeds, browsing, profiles and search,
 * and the trending ranking behind one of them. For speed these read across the tables of the
 * features that own them (recordings and their tags and instruments, members' nicknames, genres,
 * likes, follows, daily plays) in single indexed queries; this is the one place that does so, and it
 * writes only its own derived tables ({@code trending_recordings}; {@code tag_counts} is kept by
 * triggers). Every other feature reads and changes another's data through that feature's service.
 */
package com.soundhub.catalogue;
