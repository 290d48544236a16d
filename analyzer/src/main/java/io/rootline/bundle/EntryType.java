package io.rootline.bundle;

/** What an archive entry or folder member is. Only regular files are ever read. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER
}
