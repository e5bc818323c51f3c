package dev.monotable.runtime;

/** What an update returns: nothing, or the item before or after it (whole, or the updated attributes). */
public enum UpdateReturn {
  NONE, ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW
}
