package org.grantline.console;

import org.grantline.rules.UnknownRulesetVersionException;
import org.grantline.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;

/** Console pages answer a refusal with a GOV.UK error page, not the API's JSON problem. */
@ControllerAdvice(assignableTypes = {ConsolePages.class, AuditPages.class, RulesPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    @ExceptionHandler(ApiException.class)
    ModelAndView refused(ApiException e) {
        boolean notFound = e.status() == HttpStatus.NOT_FOUND;
        return page(e.status(), notFound ? "Page not found" : "There is a problem", e.getMessage());
    }

    @ExceptionHandler(UnknownRulesetVersionException.class)
    ModelAndView unknownVersion(UnknownRulesetVersionException e) {
        return page(HttpStatus.NOT_FOUND, "Page not found", e.getMessage());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ModelAndView badFilter(HandlerMethodValidationException e) {
        return page(HttpStatus.BAD_REQUEST, "There is a problem", "A filter or page number in the address is not valid.");
    }

    private static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("console/error");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("detail", detail);
        return page;
    }
}
