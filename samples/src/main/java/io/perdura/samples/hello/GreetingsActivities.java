package io.perdura.samples.hello;

import io.perdura.samples.Samples;
import io.perdura.spring.ActivityImpl;

/** Composes the greeting. */
@ActivityImpl(taskQueue = Samples.TASK_QUEUE)
public class GreetingsActivities implements Greetings {

    @Override
    public String compose(String name) {
        return "Hello, " + name + "!";
    }
}
