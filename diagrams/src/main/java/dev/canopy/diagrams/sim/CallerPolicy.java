package dev.canopy.diagrams.sim;

import java.util.ArrayList;
import java.util.List;

import dev.canopy.diagrams.design.CallPlan;
import dev.canopy.diagrams.design.CallPolicy;

/**
 * A caller's domain logic, pure: from the result of a call (and what the caller holds) it returns
 * instructions as data. It sets no timer, sends nothing and reads no clock; the caller's server
 * carries the instructions out (timers, retries, its queue, its alarm). This is lesson 2's split and
 * lesson 5's "callers decide": the same {@code {:error, reason}} gives each policy different instructions.
 */
public final class CallerPolicy {
    private CallerPolicy() {
    }

    /** What a call gave the caller: {@code {:ok, value}} or {@code {:error, reason}}. */
    public sealed interface Result {
        String render();

        record Ok(String value) implements Result {
            public String render() { return "{:ok, " + value + "}"; }
        }

        record Error(String reason) implements Result {
            public String render() { return "{:error, :" + reason + "}"; }
        }
    }

    /** An instruction for the server, rendered as the Elixir term a pure module would return. */
    public sealed interface Instruction {
        String render();

        /** Nothing more to do for this request. */
        record Done() implements Instruction {
            public String render() { return ":done"; }
        }

        /** Call again after ms (attempt is the one to make then). */
        record RetryIn(long ms, int attempt) implements Instruction {
            public String render() { return "{:retry_in, " + ms + "}"; }
        }

        record GiveUp(String reason, int attempts) implements Instruction {
            public String render() { return "{:give_up, :" + reason + "}"; }
        }

        /** Keep the request and send it once the service answers again. */
        record Enqueue() implements Instruction {
            public String render() { return ":enqueue"; }
        }

        /** Send the count kept requests now. */
        record Flush(int count) implements Instruction {
            public String render() { return "{:flush, " + count + "}"; }
        }

        record Drop(String reason) implements Instruction {
            public String render() { return "{:drop, :" + reason + "}"; }
        }

        record RaiseAlarm(String reason) implements Instruction {
            public String render() { return "{:alarm, :" + reason + "}"; }
        }

        record ClearAlarm() implements Instruction {
            public String render() { return ":clear_alarm"; }
        }
    }

    /**
     * The instructions for the result of attempt {@code attempt} of a request, for a caller that keeps
     * {@code queued} requests and whose alarm is {@code alarmOn}.
     */
    public static List<Instruction> decide(CallPlan plan, Result result, int attempt, int queued, boolean alarmOn) {
        List<Instruction> out = new ArrayList<>();
        switch (result) {
            case Result.Ok ok -> {
                out.add(new Instruction.Done());
                if (plan.policy() == CallPolicy.QUEUE && queued > 0) out.add(new Instruction.Flush(queued));
                if (plan.policy() == CallPolicy.ALERT && alarmOn) out.add(new Instruction.ClearAlarm());
            }
            case Result.Error err -> out.add(switch (plan.policy()) {
                case RETRY -> attempt < plan.maxAttempts()
                        ? new Instruction.RetryIn(Backoff.delayMs(attempt, plan.retryInMs()), attempt + 1)
                        : new Instruction.GiveUp(err.reason(), attempt);
                case QUEUE -> new Instruction.Enqueue();
                case IGNORE -> new Instruction.Drop(err.reason());
                case ALERT -> new Instruction.RaiseAlarm(err.reason());
            });
        }
        return out;
    }

    /** How the log names the call: {@code Checkout.Policy.decide({:error, :not_connected}, attempt 1)}. */
    public static String call(String module, Result result, int attempt) {
        return module + ".decide(" + result.render() + ", attempt " + attempt + ")";
    }
}
