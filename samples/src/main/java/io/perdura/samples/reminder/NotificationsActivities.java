package io.perdura.samples.reminder;

import io.perdura.samples.Samples;
import io.perdura.spring.ActivityImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the reminder and returns its text. */
@ActivityImpl(taskQueue = Samples.TASK_QUEUE)
public class NotificationsActivities implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(NotificationsActivities.class);

    @Override
    public String notify(String message) {
        String text = "Reminder: " + message;
        log.info(text);
        return text;
    }
}
