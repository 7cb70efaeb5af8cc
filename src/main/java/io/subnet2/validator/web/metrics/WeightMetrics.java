package io.subnet2.validator.web.metrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.subnet2.validator.chain.WeightPublisher;

/**
 * Counts weight vectors handed to the chain, whatever the chain mode: every {@link WeightPublisher}
 * bean is wrapped so that {@code validator.weights.published{policy, outcome}} counts each call.
 */
@Component
class WeightMetrics implements BeanPostProcessor {

    private final ObjectProvider<MeterRegistry> meters;

    WeightMetrics(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof WeightPublisher publisher)) {
            return bean;
        }
        return (WeightPublisher) weights -> {
            String outcome = "ok";
            try {
                publisher.publish(weights);
            } catch (RuntimeException e) {
                outcome = "error";
                throw e;
            } finally {
                Counter.builder("validator.weights.published").description("weight vectors published")
                        .tag("policy", weights.policy()).tag("outcome", outcome).register(meters.getObject())
                        .increment();
            }
        };
    }
}
