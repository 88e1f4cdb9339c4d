package io.perdura.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Tells the {@link TimeSkipper} what the frontend is doing: a wait for a workflow's result unlocks
 * time while it waits; a task long poll changes nothing (a worker waiting is no work); every other
 * request holds time still until it is answered (a start, a signal, a task's answer).
 */
final class TimeLockFilter implements Filter {

    private final TimeSkipper skipper;

    TimeLockFilter(TimeSkipper skipper) {
        this.skipper = skipper;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request instanceof HttpServletRequest http ? http.getRequestURI() : "";
        if (uri.endsWith("/poll")) {
            chain.doFilter(request, response);
            return;
        }
        boolean resultWait = uri.endsWith("/result");
        if (resultWait) {
            skipper.unlock();
        } else {
            skipper.requestStarted();
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (resultWait) {
                skipper.lock();
            } else {
                skipper.requestEnded();
            }
        }
    }
}
