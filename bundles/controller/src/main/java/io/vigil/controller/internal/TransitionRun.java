package io.vigil.controller.internal;

import java.util.ArrayList;
import java.util.List;

import io.vigil.scheduler.Action;
import io.vigil.scheduler.Transition;

/**
 * The execution state of one transition graph: which actions wait, run, are done or failed. An action is ready
 * when it is runnable and all its inputs are done; a failed or blocked input blocks it for good. Once aborted, no
 * further action starts; the run is over when nothing runs any more. Not thread-safe: the DC's loop owns it.
 */
final class TransitionRun {

    enum State { WAITING, RUNNING, DONE, FAILED }

    private final long id;
    private final Transition transition;
    private final State[] states;
    private boolean aborted;
    private String abortReason = "";

    TransitionRun(long id, Transition transition) {
        this.id = id;
        this.transition = transition;
        this.states = new State[transition.actions().size()];
        java.util.Arrays.fill(states, State.WAITING);
    }

    long id() {
        return id;
    }

    Transition transition() {
        return transition;
    }

    Action action(int actionId) {
        return transition.actions().get(actionId);
    }

    State state(int actionId) {
        return actionId >= 0 && actionId < states.length ? states[actionId] : null;
    }

    /** Actions that may start now (none once aborted). */
    List<Action> ready() {
        List<Action> ready = new ArrayList<>();
        if (aborted) {
            return ready;
        }
        for (Action a : transition.actions()) {
            if (states[a.id()] == State.WAITING && a.runnable()
                    && a.inputs().stream().allMatch(i -> states[i] == State.DONE)) {
                ready.add(a);
            }
        }
        return ready;
    }

    void started(int actionId) {
        states[actionId] = State.RUNNING;
    }

    /** Marks an action done; returns false if it was not running or waiting (a late or duplicate result). */
    boolean done(int actionId) {
        if (states[actionId] == State.DONE || states[actionId] == State.FAILED) {
            return false;
        }
        states[actionId] = State.DONE;
        return true;
    }

    boolean failed(int actionId, String why) {
        if (states[actionId] == State.DONE || states[actionId] == State.FAILED) {
            return false;
        }
        states[actionId] = State.FAILED;
        abort(why);
        return true;
    }

    void abort(String why) {
        if (!aborted) {
            aborted = true;
            abortReason = why;
        }
    }

    boolean aborted() {
        return aborted;
    }

    String abortReason() {
        return abortReason;
    }

    boolean anyRunning() {
        for (State s : states) {
            if (s == State.RUNNING) {
                return true;
            }
        }
        return false;
    }

    /** Nothing runs and nothing more can start. */
    boolean finished() {
        return !anyRunning() && ready().isEmpty();
    }

}
