package io.rootline.timeline;

/** One artifact's events or bursts, each of a kind, read by position. */
interface KindColumns {

    int size();

    String kind(int position);
}
