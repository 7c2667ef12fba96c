package dev.canopy.engine.runtime;

import dev.canopy.engine.process.Matcher;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The part of a selective receive that looks through a mailbox after a receive marker (Node#receive). */
final class MailboxScan {
    private MailboxScan() {}

    /**
     * Takes the oldest of the newest {@code fresh} messages that the matcher accepts, trying
     * them from the newest back; null (nothing removed) when it accepts none.
     */
    static <T> T takeNewest(ProcessState p, ArrayDeque<Object> mailbox, int fresh, Matcher<T> matcher) {
        if (fresh == 1) {
            // The common case (a call's reply, a start's ack arriving alone): only the last
            // message is new, so no iterator is needed to try it and take it.
            T v = matcher.match(mailbox.peekLast());
            if (v != null) {
                mailbox.pollLast();
                p.mailboxRemoved++;
            }
            return v;
        }
        T found = null;
        int back = -1;
        Iterator<Object> it = mailbox.descendingIterator();
        for (int k = 0; k < fresh; k++) {
            T v = matcher.match(it.next());
            if (v != null) {
                found = v;
                back = k;
            }
        }
        if (found == null) return null;
        it = mailbox.descendingIterator();
        for (int k = 0; k <= back; k++) it.next();
        it.remove();
        p.mailboxRemoved++;
        return found;
    }
}
