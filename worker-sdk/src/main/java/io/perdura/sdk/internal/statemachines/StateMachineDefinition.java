package io.perdura.sdk.internal.statemachines;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A declarative transition table: {@code (state, event) -> next state}. It records every transition
 * taken so that a test can fail when a declared transition was never visited.
 */
public final class StateMachineDefinition<S extends Enum<S>, E extends Enum<E>> {

    /** One row of the table. */
    public record Transition<S, E>(S from, E event, S to) {
        @Override
        public String toString() {
            return from + " --" + event + "--> " + to;
        }
    }

    private final String name;
    private final Class<S> stateType;
    private final Map<S, Map<E, Transition<S, E>>> table;
    private final Set<Transition<S, E>> declared = new LinkedHashSet<>();
    private final Set<Transition<S, E>> visited = ConcurrentHashMap.newKeySet();

    public StateMachineDefinition(String name, Class<S> stateType) {
        this.name = name;
        this.stateType = stateType;
        this.table = new EnumMap<>(stateType);
    }

    /** Declares a transition; returns this for chaining. */
    public StateMachineDefinition<S, E> add(S from, E event, S to) {
        Transition<S, E> transition = new Transition<>(from, event, to);
        table.computeIfAbsent(from, s -> new HashMap<>()).put(event, transition);
        declared.add(transition);
        return this;
    }

    /** The next state, or an {@link IllegalStateException} when the table has no such row. */
    public S next(S from, E event) {
        Map<E, Transition<S, E>> row = table.get(from);
        Transition<S, E> transition = row == null ? null : row.get(event);
        if (transition == null) {
            throw new IllegalStateException(
                    name + ": no transition from " + from + " on " + event + " (" + stateType.getSimpleName() + ")");
        }
        visited.add(transition);
        return transition.to();
    }

    public String name() {
        return name;
    }

    public Set<Transition<S, E>> declaredTransitions() {
        return Set.copyOf(declared);
    }

    /** The declared transitions no machine has taken yet in this JVM. */
    public Set<Transition<S, E>> unvisitedTransitions() {
        Set<Transition<S, E>> unvisited = new LinkedHashSet<>(declared);
        unvisited.removeAll(visited);
        return unvisited;
    }
}
