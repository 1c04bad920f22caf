package com.soundhub.web.views;

import java.util.Optional;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.inline.NoOpInliner;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code sh:cache="${expression}"}: the element's content is taken from the {@link FragmentCache}
 * under the expression's value, or rendered and kept there. A {@code null} key renders it as usual
 * without keeping it (for content that is the viewer's own, such as the "following" feed).
 *
 * <p>Kept HTML goes back into the page as text the engine does not process again (no inlining),
 * as {@code th:utext} does with what it is given, so that text a member wrote, which was escaped
 * when the fragment was rendered, can never be read as an expression.
 */
final class CachedFragmentProcessor extends AbstractAttributeModelProcessor {

    static final String ATTRIBUTE = "cache";
    /** Before every standard attribute: the content, not what else the element says, is kept. */
    private static final int PRECEDENCE = 10;
    /** The page's use of the cache, a variable of every page that {@link PageRenderer} renders. */
    static final String PAGE_VARIABLE = "soundhubFragmentCachePage";
    /** Keys hold what a visitor asked for (a search); longer ones are rendered without being kept. */
    private static final int MAX_KEY_LENGTH = 600;

    CachedFragmentProcessor(String dialectPrefix) {
        super(TemplateMode.HTML, dialectPrefix, null, false, ATTRIBUTE, true, PRECEDENCE, true);
    }

    @Override
    protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
                             String attributeValue, IElementModelStructureHandler structureHandler) {
        Object page = context.getVariable(PAGE_VARIABLE);
        if (!(page instanceof FragmentCache.Page fragments) || model.size() < 2) {
            return;
        }
        Object key = StandardExpressions.getExpressionParser(context.getConfiguration())
                .parseExpression(context, attributeValue).execute(context);
        if (key == null || key.toString().length() > MAX_KEY_LENGTH) {
            return;
        }
        String fullKey = context.getTemplateData().getTemplate() + "|" + key;
        IModelFactory factory = context.getModelFactory();
        Optional<String> kept = fragments.find(fullKey);
        if (kept.isPresent()) {
            while (model.size() > 2) {
                model.remove(1);
            }
            model.insert(1, factory.createText(kept.get()));
            structureHandler.setInliner(NoOpInliner.INSTANCE);
        } else {
            String[] marks = fragments.marks(fullKey);
            model.insert(1, factory.createText(marks[0]));
            model.insert(model.size() - 1, factory.createText(marks[1]));
        }
    }
}
