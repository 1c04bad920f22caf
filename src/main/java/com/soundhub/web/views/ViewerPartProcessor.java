package com.soundhub.web.views;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code sh:per-viewer="fragmentName"}, on an element that is also {@code th:fragment="fragmentName"}:
 * the element depends on who views the page and on nothing else of it (the header with the
 * member's name and unread counts). In a {@link SharedRendering} it is written between marks, so
 * that a copy of the page kept for other members can have it rendered again for each of them, on
 * its own; otherwise the attribute does nothing.
 */
final class ViewerPartProcessor extends AbstractAttributeModelProcessor {

    static final String ATTRIBUTE = "per-viewer";
    /** Before every standard attribute, so that the marks go around all the element turns into. */
    private static final int PRECEDENCE = 5;

    ViewerPartProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE, true, PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
                             String attributeValue, IElementModelStructureHandler structureHandler) {
        if (!(context.getVariable(SharedRendering.VARIABLE) instanceof SharedRendering rendering)) {
            return;
        }
        String[] marks = rendering.marks(context.getTemplateData().getTemplate(), attributeValue.strip());
        IModelFactory factory = context.getModelFactory();
        model.insert(0, factory.createText(marks[0]));
        model.add(factory.createText(marks[1]));
    }
}
