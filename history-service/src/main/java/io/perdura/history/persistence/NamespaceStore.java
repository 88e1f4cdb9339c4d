package io.perdura.history.persistence;

/** The storage port of namespaces. */
public interface NamespaceStore {

    boolean exists(String namespace);
}
