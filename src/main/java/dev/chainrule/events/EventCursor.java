package dev.chainrule.events;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.job.JobStatus;

/**
 * How far a stream has got: the epochs and epoch checkpoints it has been sent, the last status it
 * was told (null: none yet) and the step of its last progress event (-1: none). Every event id
 * encodes the cursor after it, so a client that reconnects with {@code Last-Event-ID} continues
 * exactly there: {@code epoch-12} (checkpoint 12 may still follow), {@code checkpoint-12},
 * {@code status-running-12}, {@code progress-12-3400}.
 */
record EventCursor(int epochs, int checkpoints, JobStatus status, long step) {

    static final EventCursor START = new EventCursor(0, 0, null, -1);

    private static final Pattern EPOCH = Pattern.compile("(epoch|checkpoint)-(\\d{1,9})");
    private static final Pattern STATUS = Pattern.compile("status-([a-z]+)-(\\d{1,9})");
    private static final Pattern PROGRESS = Pattern.compile("progress-(\\d{1,9})-(\\d{1,18})");

    static EventCursor after(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return START;
        }
        String id = lastEventId.strip();
        Matcher m = EPOCH.matcher(id);
        if (m.matches()) {
            int epoch = Integer.parseInt(m.group(2));
            return new EventCursor(epoch, m.group(1).equals("epoch") ? epoch - 1 : epoch, JobStatus.RUNNING, -1);
        }
        m = STATUS.matcher(id);
        if (m.matches()) {
            int epoch = Integer.parseInt(m.group(2));
            JobStatus status = JobStatus.fromJsonName(m.group(1)).orElseThrow(() -> unknown(lastEventId));
            return new EventCursor(epoch, epoch, status, -1);
        }
        m = PROGRESS.matcher(id);
        if (m.matches()) {
            int epoch = Integer.parseInt(m.group(1));
            return new EventCursor(epoch, epoch, JobStatus.RUNNING, Long.parseLong(m.group(2)));
        }
        throw unknown(lastEventId);
    }

    private static MalformedInputException unknown(String lastEventId) {
        return MalformedInputException.parameter("Last-Event-ID", "Last-Event-ID '" + lastEventId
                + "' is not an id this stream sent; send one of its event ids (such as epoch-12) or none.");
    }

    EventCursor withEpoch(int epoch) {
        return new EventCursor(epoch, epoch - 1, status, step);
    }

    EventCursor withCheckpoint(int epoch) {
        return new EventCursor(epochs, epoch, status, step);
    }

    EventCursor withCheckpointsThrough(int epoch) {
        return new EventCursor(epochs, Math.max(checkpoints, epoch), status, step);
    }

    EventCursor withStatus(JobStatus newStatus) {
        return new EventCursor(epochs, checkpoints, newStatus, step);
    }

    EventCursor withStep(long newStep) {
        return new EventCursor(epochs, checkpoints, status, newStep);
    }
}
