package io.perdura.samples.cancellable;

import io.perdura.samples.Samples;
import io.perdura.spring.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Releases what the cancelled workflow held (here: logs it). */
@ActivityImpl(taskQueue = Samples.TASK_QUEUE)
public class CleanupActivities implements Cleanup {

    private static final Logger log = LoggerFactory.getLogger(CleanupActivities.class);

    @Override
    public String cleanUp(String what) {
        log.info("cleaning up {}", what);
        return "cleaned up " + what;
    }
}
