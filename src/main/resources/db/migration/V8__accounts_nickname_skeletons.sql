-- What each nickname looks like: its skeleton by Unicode's confusables (UTS #39), which the
-- application computes with ICU from the case-folded nickname. Nicknames with the same skeleton look
-- alike ("mina" and "mіna" with a Cyrillic і), so the unique index lets only one of them exist,
-- also when two members ask for them at the same instant. Members who signed up before this get
-- theirs at start-up (NicknameSkeletons); until then theirs is NULL, which the index lets be.
ALTER TABLE members ADD COLUMN nickname_skeleton text;
CREATE UNIQUE INDEX members_nickname_skeleton_key ON members (nickname_skeleton);
