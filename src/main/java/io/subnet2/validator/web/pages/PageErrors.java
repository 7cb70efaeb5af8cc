package io.subnet2.validator.web.pages;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.subnet2.validator.tournament.NotFoundException;

/** Errors of the pages as HTML: 404 for an unknown tournament, miner or run, 400 for a bad parameter. */
@ControllerAdvice(assignableTypes = PagesController.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return page(model, 404, e.getMessage());
    }

    @ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model) {
        return page(model, 400, e instanceof MethodArgumentTypeMismatchException m
                ? "bad value for " + m.getName() : e.getMessage());
    }

    private static String page(Model model, int status, String message) {
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error";
    }
}
